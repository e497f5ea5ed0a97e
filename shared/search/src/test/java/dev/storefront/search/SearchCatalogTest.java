package dev.storefront.search;

import static dev.storefront.search.Products.KEY;
import static dev.storefront.search.Products.archived;
import static dev.storefront.search.Products.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.storefront.domain.catalog.CatalogChangeFeed;
import dev.storefront.domain.catalog.FeedPosition;
import dev.storefront.domain.catalog.FeedRead;
import dev.storefront.domain.catalog.Product;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search instance's catalog against in-memory fakes of the change feed and the products table, with a
 * manual clock: what a sync applies, what it ignores, and when it falls back to a rebuild.
 */
class SearchCatalogTest {

    private static final Duration SYNC_INTERVAL = Duration.ofSeconds(1);
    private static final Duration FULL_REBUILD_INTERVAL = Duration.ofHours(1);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final FakeFeed feed = new FakeFeed();
    private final FakeSource source = new FakeSource();
    private ProductIndex index;
    private SearchCatalog catalog;

    @BeforeEach
    void setUp() {
        index = new ProductIndex(KEY);
        catalog = new SearchCatalog(index, feed, source, SYNC_INTERVAL, FULL_REBUILD_INTERVAL, nanos::get);
    }

    @AfterEach
    void tearDown() throws IOException {
        awaitTrue(() -> !catalog.isRebuilding());
        index.close();
    }

    @Test
    void rebuild_shouldIndexActiveProducts_andSkipArchivedOnes() {
        // given
        source.put(lamp("a1", "Brass desk lamp", 1));
        source.put(archived(lamp("a2", "Copper desk lamp", 1)));

        // when
        catalog.rebuild();

        // then
        assertThat(ids(catalog.search(SearchRequest.all()))).containsExactly("a1");
        assertThat(ids(catalog.search(SearchRequest.text("copper")))).isEmpty();
        assertThat(catalog.size()).isEqualTo(1);
    }

    @Test
    void sync_shouldMakeAChangePublishedAfterTheRebuild_searchable() {
        // given
        source.put(lamp("a1", "Brass desk lamp", 1));
        catalog.rebuild();
        feed.publish(List.of(lamp("b1", "Walnut floor lamp", 1)));
        assertThat(ids(catalog.search(SearchRequest.text("walnut")))).isEmpty();

        // when
        advance(SYNC_INTERVAL);
        catalog.syncIfDue();

        // then
        assertThat(ids(catalog.search(SearchRequest.text("walnut")))).containsExactly("b1");
        assertThat(catalog.size()).isEqualTo(2);
    }

    @Test
    void syncIfDue_shouldNotReadTheFeed_beforeTheSyncIntervalHasPassed() {
        // given
        catalog.rebuild();
        feed.publish(List.of(lamp("b1", "Walnut floor lamp", 1)));

        // when: one nanosecond short of the interval
        advance(SYNC_INTERVAL.minusNanos(1));
        catalog.syncIfDue();

        // then
        assertThat(feed.reads.get()).isZero();
        assertThat(ids(catalog.search(SearchRequest.text("walnut")))).isEmpty();

        // when: the interval has passed
        advance(Duration.ofNanos(1));
        catalog.syncIfDue();

        // then
        assertThat(feed.reads.get()).isEqualTo(1);
        assertThat(ids(catalog.search(SearchRequest.text("walnut")))).containsExactly("b1");
    }

    @Test
    void syncBeforeNextSearch_shouldMakeTheNextSyncIfDueReadTheFeed_althoughTheClockHasNotMoved() {
        // given: a restored snapshot, whose clock resumed right after its last sync
        catalog.rebuild();
        feed.publish(List.of(lamp("b1", "Walnut floor lamp", 1)));
        advance(Duration.ofMillis(1));

        // when
        catalog.syncBeforeNextSearch();
        catalog.syncIfDue();

        // then
        assertThat(feed.reads.get()).isEqualTo(1);
        assertThat(ids(catalog.search(SearchRequest.text("walnut")))).containsExactly("b1");
    }

    @Test
    void syncIfDue_shouldWaitAFullIntervalAgain_afterASync() {
        // given: a sync just ran
        catalog.rebuild();
        advance(SYNC_INTERVAL);
        catalog.syncIfDue();
        int readsAfterFirstSync = feed.reads.get();
        feed.publish(List.of(lamp("b1", "Walnut floor lamp", 1)));

        // when
        advance(SYNC_INTERVAL.dividedBy(2));
        catalog.syncIfDue();

        // then
        assertThat(feed.reads.get()).isEqualTo(readsAfterFirstSync);
        assertThat(ids(catalog.search(SearchRequest.text("walnut")))).isEmpty();
    }

    @Test
    void sync_shouldApplyANewerVersion_andIgnoreAnOlderOrEqualOne() {
        // given: the table holds version 2
        source.put(lamp("a1", "Brass desk lamp", 2));
        catalog.rebuild();

        // when: a late version 1 and a different image claiming version 2 arrive
        feed.publish(List.of(lamp("a1", "Pewter desk lamp", 1), lamp("a1", "Copper desk lamp", 2)));
        int applied = catalog.sync();

        // then: the product does not move back
        assertThat(applied).isZero();
        assertThat(ids(catalog.search(SearchRequest.text("brass")))).containsExactly("a1");
        assertThat(ids(catalog.search(SearchRequest.text("pewter")))).isEmpty();
        assertThat(ids(catalog.search(SearchRequest.text("copper")))).isEmpty();

        // when: version 3 arrives
        feed.publish(List.of(lamp("a1", "Chrome desk lamp", 3)));
        applied = catalog.sync();

        // then
        assertThat(applied).isEqualTo(1);
        assertThat(ids(catalog.search(SearchRequest.text("chrome")))).containsExactly("a1");
        assertThat(ids(catalog.search(SearchRequest.text("brass")))).isEmpty();
        assertThat(catalog.size()).isEqualTo(1);
    }

    @Test
    void sync_shouldApplyAChangeReadTwice_once() {
        // given: a stream batch delivered twice publishes the same image twice
        catalog.rebuild();
        Product walnut = lamp("b1", "Walnut floor lamp", 1);
        feed.publish(List.of(walnut));
        feed.publish(List.of(walnut));

        // when
        int applied = catalog.sync();

        // then
        assertThat(applied).isEqualTo(1);
        assertThat(ids(catalog.search(SearchRequest.text("walnut")))).containsExactly("b1");
        assertThat(catalog.sync()).isZero();
    }

    @Test
    void sync_shouldRemoveAnArchivedProduct_andNotResurrectIt_withALaterOlderActiveVersion() {
        // given
        Product active = lamp("a1", "Brass desk lamp", 1);
        source.put(active);
        catalog.rebuild();

        // when: archived (version 2), then the active version 1 arrives late
        feed.publish(List.of(archived(active)));
        int archivedApplied = catalog.sync();
        feed.publish(List.of(active));
        int lateApplied = catalog.sync();

        // then
        assertThat(archivedApplied).isEqualTo(1);
        assertThat(lateApplied).isZero();
        assertThat(ids(catalog.search(SearchRequest.text("brass")))).isEmpty();
        assertThat(catalog.size()).isZero();
    }

    @Test
    void sync_shouldReadALongBacklog_overSeveralSyncs() {
        // given: more changes than one sync reads
        catalog.rebuild();
        int perSync = SearchCatalog.FEED_BATCH * SearchCatalog.MAX_READS_PER_SYNC;
        List<Product> backlog = new ArrayList<>();
        for (int i = 0; i <= perSync; i++) {
            backlog.add(lamp(String.format(Locale.ROOT, "p%06d", i), "Lamp " + i, 1));
        }
        feed.publish(backlog);

        // when
        int first = catalog.sync();
        int second = catalog.sync();

        // then
        assertThat(first).isEqualTo(perSync);
        assertThat(second).isEqualTo(1);
        assertThat(catalog.size()).isEqualTo(perSync + 1);
    }

    @Test
    void search_shouldKeepAnsweringFromTheCurrentIndex_whenTheFeedIsUnreachable() {
        // given
        source.put(lamp("a1", "Brass desk lamp", 1));
        catalog.rebuild();
        Optional<String> stateBefore = catalog.state();
        feed.publish(List.of(lamp("b1", "Walnut floor lamp", 1)));
        feed.reachable = false;

        // when
        advance(SYNC_INTERVAL);
        assertThatCode(catalog::syncIfDue).doesNotThrowAnyException();

        // then: the index as it was, no rebuild
        assertThat(feed.reads.get()).isEqualTo(1);
        assertThat(ids(catalog.search(SearchRequest.all()))).containsExactly("a1");
        assertThat(catalog.state()).isEqualTo(stateBefore);
        assertThat(catalog.isRebuilding()).isFalse();
        assertThat(source.loads.get()).isEqualTo(1);

        // when: the feed is back
        feed.reachable = true;
        advance(SYNC_INTERVAL);
        catalog.syncIfDue();

        // then: the change is caught up from the feed, still without a rebuild
        assertThat(ids(catalog.search(SearchRequest.all()))).containsExactlyInAnyOrder("a1", "b1");
        assertThat(source.loads.get()).isEqualTo(1);
    }

    @Test
    void sync_shouldRebuildInTheBackground_whenTheFeedWasRecreated() {
        // given: a1 indexed; then the cache restarts, taking with it the change that created b1
        source.put(lamp("a1", "Brass desk lamp", 1));
        catalog.rebuild();
        feed.publish(List.of(lamp("b1", "Walnut floor lamp", 1)));
        feed.recreate("epoch-2");
        source.put(lamp("b1", "Walnut floor lamp", 1));

        // when
        int applied = catalog.sync();
        awaitTrue(() -> !catalog.isRebuilding());

        // then
        assertThat(applied).isZero();
        assertThat(source.loads.get()).isEqualTo(2);
        assertThat(ids(catalog.search(SearchRequest.text("walnut")))).containsExactly("b1");
        assertThat(catalog.state()).hasValue("epoch-2/0");
    }

    @Test
    void sync_shouldRebuildInTheBackground_whenTheFeedWasTrimmedPastItsPosition() {
        // given: three changes after the rebuild, of which the first two were trimmed away unread
        source.put(lamp("a1", "Brass desk lamp", 1));
        catalog.rebuild();
        Product walnut = lamp("b1", "Walnut floor lamp", 1);
        Product oak = lamp("b2", "Oak floor lamp", 1);
        Product pine = lamp("b3", "Pine floor lamp", 1);
        feed.publish(List.of(walnut, oak, pine));
        feed.trimThrough(2);
        List.of(walnut, oak, pine).forEach(source::put);

        // when
        catalog.sync();
        awaitTrue(() -> !catalog.isRebuilding());

        // then: everything the table holds, not only what is left in the feed
        assertThat(source.loads.get()).isEqualTo(2);
        assertThat(ids(catalog.search(SearchRequest.text("floor")))).containsExactlyInAnyOrder("b1", "b2", "b3");
        assertThat(catalog.state()).hasValue("epoch-1/3");
    }

    @Test
    void sync_shouldNotRebuild_whenTheTrimmedEntriesWereAlreadyRead() {
        // given: the reader read three changes, then the first two were trimmed
        catalog.rebuild();
        feed.publish(List.of(lamp("b1", "Walnut floor lamp", 1), lamp("b2", "Oak floor lamp", 1),
                lamp("b3", "Pine floor lamp", 1)));
        catalog.sync();
        feed.trimThrough(2);
        feed.publish(List.of(lamp("b4", "Teak floor lamp", 1)));

        // when
        int applied = catalog.sync();

        // then
        assertThat(applied).isEqualTo(1);
        assertThat(catalog.isRebuilding()).isFalse();
        assertThat(source.loads.get()).isEqualTo(1);
        assertThat(catalog.size()).isEqualTo(4);
    }

    @Test
    void sync_shouldRebuild_whenTheFeedWasUnreachableAtTheRebuild_andIsReachableLater() {
        // given: built while the feed was away
        feed.reachable = false;
        source.put(lamp("a1", "Brass desk lamp", 1));
        catalog.rebuild();
        assertThat(ids(catalog.search(SearchRequest.all()))).containsExactly("a1");
        source.put(lamp("b1", "Walnut floor lamp", 1));

        // when: still away
        advance(SYNC_INTERVAL);
        catalog.syncIfDue();

        // then: nothing to follow, nothing rebuilt
        assertThat(catalog.isRebuilding()).isFalse();
        assertThat(source.loads.get()).isEqualTo(1);
        assertThat(catalog.state()).isEmpty();

        // when: the feed is reachable again
        feed.reachable = true;
        advance(SYNC_INTERVAL);
        catalog.syncIfDue();
        awaitTrue(() -> !catalog.isRebuilding());

        // then
        assertThat(source.loads.get()).isEqualTo(2);
        assertThat(ids(catalog.search(SearchRequest.all()))).containsExactlyInAnyOrder("a1", "b1");
        assertThat(catalog.state()).hasValue("epoch-1/0");
    }

    @Test
    void sync_shouldRebuildPeriodically_afterTheFullRebuildInterval() {
        // given: a change the feed never carried (e.g. lost while the publisher was failing)
        source.put(lamp("a1", "Brass desk lamp", 1));
        catalog.rebuild();
        source.put(lamp("a1", "Chrome desk lamp", 2));

        // when: a sync before the full-rebuild interval
        advance(FULL_REBUILD_INTERVAL.minus(SYNC_INTERVAL));
        catalog.syncIfDue();

        // then
        assertThat(source.loads.get()).isEqualTo(1);
        assertThat(ids(catalog.search(SearchRequest.text("chrome")))).isEmpty();

        // when: the interval has passed since the rebuild
        advance(SYNC_INTERVAL);
        catalog.syncIfDue();
        awaitTrue(() -> !catalog.isRebuilding());

        // then
        assertThat(source.loads.get()).isEqualTo(2);
        assertThat(ids(catalog.search(SearchRequest.text("chrome")))).containsExactly("a1");
        assertThat(ids(catalog.search(SearchRequest.text("brass")))).isEmpty();
    }

    @Test
    void sync_shouldKeepTheWholeIndexSearchable_whenABackgroundRebuildFailsHalfway() {
        // given: ten products indexed; the periodic rebuild's scan fails after three of them
        for (int i = 0; i < 10; i++) {
            source.put(lamp("a" + i, "Brass desk lamp " + i, 1));
        }
        catalog.rebuild();
        source.failAfter(3);
        advance(FULL_REBUILD_INTERVAL);
        catalog.sync();
        awaitTrue(() -> !catalog.isRebuilding());
        assertThat(source.loads.get()).isEqualTo(2);

        // when: a change arrives while the table still fails
        Product walnut = lamp("b1", "Walnut floor lamp", 1);
        source.put(walnut);
        feed.publish(List.of(walnut));
        advance(SYNC_INTERVAL);
        catalog.sync();
        awaitTrue(() -> !catalog.isRebuilding());

        // then: searches still see every product of the last good build, never the half-done one
        assertThat(catalog.size()).isEqualTo(10);
        assertThat(catalog.search(SearchRequest.text("brass")).total()).isEqualTo(10);

        // when: the table answers again
        source.failAfter(-1);
        advance(SYNC_INTERVAL);
        catalog.sync();
        awaitTrue(() -> !catalog.isRebuilding());

        // then: rebuilt, the change included, and following the feed again
        assertThat(catalog.size()).isEqualTo(11);
        assertThat(ids(catalog.search(SearchRequest.text("walnut")))).containsExactly("b1");
        assertThat(catalog.state()).hasValue("epoch-1/1");
    }

    @Test
    void rebuild_shouldForgetATombstone_thatTheTableNoLongerHolds() {
        // given: a1 removed from the table by hand: the publisher sends it archived with the highest version
        source.put(lamp("a1", "Brass desk lamp", 1));
        catalog.rebuild();
        feed.publish(List.of(archived(lamp("a1", "Brass desk lamp", Long.MAX_VALUE - 1))));
        catalog.sync();
        assertThat(catalog.size()).isZero();
        source.remove("a1");

        // when: the product is created again later, and the index was rebuilt in between
        catalog.rebuild();
        feed.publish(List.of(lamp("a1", "Brass desk lamp", 1)));
        int applied = catalog.sync();

        // then
        assertThat(applied).isEqualTo(1);
        assertThat(ids(catalog.search(SearchRequest.all()))).containsExactly("a1");
    }

    @Test
    void state_shouldChange_whenChangesAreApplied_andStayWhenNothingIsNew() {
        // given
        catalog.rebuild();
        Optional<String> built = catalog.state();

        // when: nothing new
        catalog.sync();

        // then
        assertThat(built).hasValue("epoch-1/0");
        assertThat(catalog.state()).isEqualTo(built);

        // when: a change is applied
        feed.publish(List.of(lamp("b1", "Walnut floor lamp", 1)));
        catalog.sync();

        // then
        assertThat(catalog.state()).isPresent().isNotEqualTo(built);
        assertThat(catalog.state()).hasValue("epoch-1/1");
    }

    @Test
    void state_shouldBeEmpty_whenTheFeedWasUnreachableAtTheRebuild() {
        // given
        feed.reachable = false;

        // when
        catalog.rebuild();

        // then
        assertThat(catalog.state()).isEmpty();
    }

    @Test
    void categories_shouldReflectAppliedChanges() {
        // given: the categories were computed (and memoised) once
        source.put(product("e1", "Aurora Wireless Headphones", "Closed-back.", "Electronics", "Aurora", 12_999, 5, 1));
        source.put(product("e2", "Aurora Speaker", "Loud.", "Electronics", "Aurora", 4_999, 3, 2));
        Product skillet = product("k1", "Cast Iron Skillet", "Pre-seasoned.", "Kitchen", "Lodgeworks", 3_999, 3, 3);
        source.put(skillet);
        catalog.rebuild();
        assertThat(catalog.categories()).containsExactly(
                new CategoryCount("Electronics", 2), new CategoryCount("Kitchen", 1));

        // when: a book is added and the skillet archived
        feed.publish(List.of(
                product("c1", "The Silent Garden", "A mystery.", "Books", "Harbor Press", 1_499, 40, 4),
                archived(skillet)));
        catalog.sync();

        // then
        assertThat(catalog.categories()).containsExactly(
                new CategoryCount("Books", 1), new CategoryCount("Electronics", 2));
    }

    @Test
    void categories_shouldReflectABackgroundRebuild() {
        // given
        source.put(product("e1", "Aurora Speaker", "Loud.", "Electronics", "Aurora", 4_999, 3, 1));
        catalog.rebuild();
        assertThat(catalog.categories()).containsExactly(new CategoryCount("Electronics", 1));
        source.put(product("c1", "The Silent Garden", "A mystery.", "Books", "Harbor Press", 1_499, 40, 2));
        feed.recreate("epoch-2");

        // when
        catalog.sync();
        awaitTrue(() -> !catalog.isRebuilding());

        // then
        assertThat(catalog.categories()).containsExactly(
                new CategoryCount("Books", 1), new CategoryCount("Electronics", 1));
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static Product lamp(String id, String name, long version) {
        Product p = product(id, name, "A lamp for reading.", "Lighting", "Lumen", 4_999, 10, 1);
        return new Product(p.productId(), p.sku(), p.name(), p.description(), p.category(), p.brand(), p.price(),
                p.available(), p.weightGrams(), p.images(), p.attributes(), p.status(), p.createdAt(),
                p.updatedAt(), version);
    }

    private static List<String> ids(SearchResult result) {
        return result.items().stream().map(ProductSummary::productId).toList();
    }

    /** Polls {@code condition} for at most ten seconds (background work), failing the test when it never holds. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition not met within 10 s").isNegative();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The change feed in memory. Entry ids are the 1-based publication numbers; entries up to
     * {@link #trimThrough} are gone; {@link #recreate} is a cache restart (new epoch, nothing kept).
     */
    static final class FakeFeed implements CatalogChangeFeed {

        final AtomicInteger reads = new AtomicInteger();
        volatile boolean reachable = true;
        private final List<Product> entries = new ArrayList<>();
        private String epoch = "epoch-1";
        private long trimmed;

        @Override
        public synchronized Optional<FeedPosition> end() {
            if (!reachable) {
                return Optional.empty();
            }
            return Optional.of(new FeedPosition(epoch, Long.toString(entries.size())));
        }

        @Override
        public synchronized Optional<FeedRead> readAfter(FeedPosition position, int max) {
            reads.incrementAndGet();
            if (!reachable) {
                return Optional.empty();
            }
            long after = Long.parseLong(position.entry());
            if (!position.epoch().equals(epoch) || after < trimmed) {
                return Optional.of(FeedRead.gapAt(position));
            }
            int from = (int) after;
            int to = Math.min(entries.size(), from + max);
            List<Product> changes = List.copyOf(entries.subList(from, to));
            return Optional.of(new FeedRead(false, changes, new FeedPosition(epoch, Long.toString(to)),
                    to < entries.size()));
        }

        @Override
        public synchronized void publish(List<Product> changes) {
            if (!reachable) {
                throw new FeedUnavailableException("unreachable");
            }
            entries.addAll(changes);
        }

        synchronized void trimThrough(long entry) {
            trimmed = entry;
        }

        synchronized void recreate(String newEpoch) {
            epoch = newEpoch;
            entries.clear();
            trimmed = 0;
        }
    }

    /** The products table in memory; counts full loads, and can fail a load partway. */
    static final class FakeSource implements ProductSource {

        final AtomicInteger loads = new AtomicInteger();
        private final Map<String, Product> products = new ConcurrentHashMap<>();
        private volatile int failAfter = -1;

        /** Loads deliver this many products, then fail; -1: loads succeed. */
        void failAfter(int delivered) {
            failAfter = delivered;
        }

        void put(Product product) {
            products.put(product.productId(), product);
        }

        void remove(String productId) {
            products.remove(productId);
        }

        @Override
        public void forEach(Consumer<Product> sink) {
            loads.incrementAndGet();
            int delivered = 0;
            for (Product product : products.values()) {
                if (delivered++ == failAfter) {
                    throw new IllegalStateException("the scan failed (throttled)");
                }
                sink.accept(product);
            }
        }
    }
}
