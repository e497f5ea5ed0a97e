package dev.storefront.dynamodb;

import java.nio.charset.StandardCharsets;

/** What DynamoDB accepts as a key value. */
final class Keys {

    /**
     * Longest id (in UTF-8 bytes) looked up: DynamoDB refuses a partition key over 2048 bytes or an empty one with
     * a ValidationException, and our ids are 26 characters; anything longer cannot name a stored item.
     */
    static final int MAX_ID_BYTES = 1024;

    private Keys() {
    }

    /** Whether {@code id} can be part of a stored key; an id that cannot is simply not found. */
    static boolean isStorable(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID_BYTES
                && id.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES;
    }
}
