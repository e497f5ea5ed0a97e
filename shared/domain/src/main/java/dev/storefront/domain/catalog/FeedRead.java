package dev.storefront.domain.catalog;

import java.util.List;

/**
 * The result of {@link CatalogChangeFeed#readAfter}.
 *
 * @param gap true when changes after the position may be missing (feed recreated or trimmed past it): the
 *     reader must rebuild from the table; {@code changes} is then empty
 * @param changes product images in publication order (a product may appear more than once)
 * @param next the position after the last change returned (the given one when there was none)
 * @param more true when more changes are waiting after {@code next}
 */
public record FeedRead(boolean gap, List<Product> changes, FeedPosition next, boolean more) {

    public FeedRead {
        changes = List.copyOf(changes);
    }

    public static FeedRead gapAt(FeedPosition position) {
        return new FeedRead(true, List.of(), position, false);
    }
}
