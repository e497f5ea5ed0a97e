package dev.storefront.platform.http;

import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque page cursors: {@code base64url(value) "." base64url(HMAC-SHA256(binding, value))}, where the binding
 * names what the cursor may be used for (e.g. the caller and the listing). A cursor that was changed, or that
 * was issued for another binding (another shopper's listing), is refused with 400 {@code invalid-cursor}.
 */
public final class SignedCursors {

    /** Longer cursors are refused before any decoding. */
    public static final int MAX_LENGTH = 512;
    private static final int TAG_BYTES = 16;

    private final SecretKeySpec key;

    public SignedCursors(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("cursor keys have at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String encode(String binding, String value) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(tag(binding, value));
    }

    /** @throws ValidationException {@code invalid-cursor} for anything this instance did not issue for the binding */
    public String decode(String binding, String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
            throw invalid();
        }
        try {
            String value = new String(Base64.getUrlDecoder().decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] tag = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(tag, tag(binding, value))) {
                throw invalid();
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private byte[] tag(String binding, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(binding.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static ValidationException invalid() {
        return new ValidationException("invalid-cursor", "The cursor is not valid for this listing; start again without it.",
                List.of(new FieldError("cursor", "is not a cursor this listing issued")));
    }
}
