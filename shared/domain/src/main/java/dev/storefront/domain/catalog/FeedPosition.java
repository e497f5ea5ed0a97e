package dev.storefront.domain.catalog;

import java.util.Objects;

/**
 * A place in the {@link CatalogChangeFeed}.
 *
 * @param epoch identity of the feed; a different epoch means the feed was recreated and what a reader read
 *     before tells nothing about it
 * @param entry the last entry read (or the end when the position was taken), opaque to readers
 */
public record FeedPosition(String epoch, String entry) {

    public FeedPosition {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(entry, "entry");
    }

    /** Short text for logs and cache keys. */
    @Override
    public String toString() {
        return epoch + "/" + entry;
    }
}
