package dev.storefront.domain.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The ordered feed of catalog changes that keeps derived views (the search index of every search instance)
 * in step with the products table. A publisher appends the product images of the table's stream; each
 * reader remembers a {@link FeedPosition} and reads what came after it.
 *
 * <p>A reader must be able to tell when it cannot trust the feed to hold everything after its position -
 * the feed was lost (the cache restarted or was flushed), or trimmed past the position - and then rebuild
 * from the table: {@link FeedRead#gap()}. The feed is an optimisation of freshness, never the source of
 * truth.
 */
public interface CatalogChangeFeed {

    /**
     * The feed's current end, to be taken <em>before</em> a reader rebuilds from the table: every change
     * published after it is read again afterwards. Empty when the feed cannot be reached.
     */
    Optional<FeedPosition> end();

    /**
     * Up to {@code max} changes published after {@code position}, oldest first. Empty when the feed cannot be
     * reached (the reader keeps its view and tries again later).
     */
    Optional<FeedRead> readAfter(FeedPosition position, int max);

    /**
     * Appends product images in the given order.
     *
     * @throws FeedUnavailableException when they could not be appended; the caller must retry (a stream
     *     consumer fails its batch, so the records are delivered again)
     */
    void publish(List<Product> changes);

    /** The feed could not be written. */
    final class FeedUnavailableException extends RuntimeException {
        public FeedUnavailableException(String message) {
            super(message);
        }
    }
}
