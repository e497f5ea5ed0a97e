package dev.storefront.search;

import dev.storefront.domain.catalog.CatalogChangeFeed;
import dev.storefront.domain.catalog.FeedPosition;
import dev.storefront.domain.catalog.FeedRead;
import dev.storefront.domain.catalog.Product;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One search instance's view of the catalog: a {@link ProductIndex} built from the products table and kept
 * in step with it through the {@link CatalogChangeFeed}.
 *
 * <ul>
 *   <li>{@link #rebuild()} takes the feed's end, then loads every product from the {@link ProductSource}
 *       (strongly consistent), so every change published after that end is read again by the next sync.</li>
 *   <li>{@link #syncIfDue()} - called before each search - reads what the feed published since the last
 *       position at most once per sync interval. A change applies only when its version is newer than the
 *       one the index holds for that product (archived products keep their version as a tombstone), so
 *       changes read twice or out of order cannot move a product back.</li>
 *   <li>When the feed reports a gap (recreated, or trimmed past this position), when it was unreachable at
 *       the last rebuild and is reachable again, and once per full-rebuild interval as anti-entropy, the
 *       index is rebuilt from the table in the background while searches go on against the current one.</li>
 *   <li>An unreachable feed never fails a search: the index is kept as it is.</li>
 * </ul>
 */
public final class SearchCatalog {

    /** Changes read per feed request. */
    static final int FEED_BATCH = 500;
    /** Feed requests per sync at most: a long backlog is read over several syncs. */
    static final int MAX_READS_PER_SYNC = 20;

    private static final Logger LOG = LoggerFactory.getLogger(SearchCatalog.class);

    private final ProductIndex index;
    private final CatalogChangeFeed feed;
    private final ProductSource source;
    private final LongSupplier nanoClock;
    private final long syncIntervalNanos;
    private final long fullRebuildNanos;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final ReentrantLock writes = new ReentrantLock();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    /** Null when the feed was unreachable at the last rebuild, or the last rebuild failed. */
    private volatile FeedPosition position;
    private volatile long lastSyncNanos;
    private volatile long builtAtNanos;
    /** Incremented whenever searchable content changes; keys the memo of {@link #categories()}. */
    private volatile long generation;
    private volatile CategoryMemo categories;

    public SearchCatalog(ProductIndex index, CatalogChangeFeed feed, ProductSource source, Duration syncInterval,
            Duration fullRebuildInterval, LongSupplier nanoClock) {
        this.index = Objects.requireNonNull(index, "index");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.source = Objects.requireNonNull(source, "source");
        this.syncIntervalNanos = syncInterval.toNanos();
        this.fullRebuildNanos = fullRebuildInterval.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Rebuilds the index from the source of truth now, in the caller's thread (start-up). */
    public void rebuild() {
        writes.lock();
        try {
            long started = nanoClock.getAsLong();
            FeedPosition end = feed.end().orElse(null);
            versions.clear();
            index.rebuild(sink -> source.forEach(product -> {
                versions.merge(product.productId(), product.version(), Math::max);
                sink.accept(product);
            }));
            position = end;
            builtAtNanos = started;
            lastSyncNanos = started;
            generation++;
            LOG.info("search index built: {} products searchable, {} known, feed {}, {} ms", index.size(),
                    versions.size(), end == null ? "unreachable" : "at " + end,
                    (nanoClock.getAsLong() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // The index writer now holds a half-done rebuild that the next refresh would make searchable: no
            // position, so syncs apply nothing (and never refresh) and rebuild again until a rebuild succeeds.
            position = null;
            throw e;
        } finally {
            writes.unlock();
        }
    }

    /**
     * {@link #sync()} when the sync interval has passed since the last one - or when the clock went back, as
     * it does for an instance restored from a SnapStart snapshot on another host.
     */
    public void syncIfDue() {
        long elapsed = nanoClock.getAsLong() - lastSyncNanos;
        if (elapsed >= syncIntervalNanos || elapsed < 0) {
            sync();
        }
    }

    /**
     * Makes the next {@link #syncIfDue()} sync whatever the clock says. For an instance restored from a SnapStart
     * snapshot: its index is as old as the snapshot, while its monotonic clock may have resumed where the
     * snapshot left it, so that the sync interval would seem not to have passed.
     */
    public void syncBeforeNextSearch() {
        lastSyncNanos = nanoClock.getAsLong() - syncIntervalNanos;
    }

    /**
     * Applies what the feed published since the last position; starts a background rebuild when the feed
     * cannot be followed. Returns the number of changes applied (0 while a rebuild runs).
     */
    public int sync() {
        if (rebuilding.get() || !writes.tryLock()) {
            return 0;
        }
        int applied = 0;
        String rebuildReason = null;
        try {
            long now = nanoClock.getAsLong();
            lastSyncNanos = now;
            FeedPosition from = position;
            if (from == null) {
                if (feed.end().isPresent()) {
                    rebuildReason = "the change feed is reachable again, or the last rebuild failed";
                }
            } else {
                for (int read = 0; read < MAX_READS_PER_SYNC; read++) {
                    Optional<FeedRead> next = feed.readAfter(from, FEED_BATCH);
                    if (next.isEmpty()) {
                        break;
                    }
                    if (next.get().gap()) {
                        rebuildReason = "the change feed has a gap after " + from;
                        break;
                    }
                    for (Product product : next.get().changes()) {
                        if (apply(product)) {
                            applied++;
                        }
                    }
                    from = next.get().next();
                    if (!next.get().more()) {
                        break;
                    }
                }
                if (applied > 0) {
                    index.refresh();
                    generation++;
                }
                position = from;
            }
            if (now < builtAtNanos) {
                builtAtNanos = now; // restored from a snapshot: count the age from here
            }
            if (rebuildReason == null && now - builtAtNanos >= fullRebuildNanos) {
                rebuildReason = "periodic full rebuild";
            }
        } finally {
            writes.unlock();
        }
        if (rebuildReason != null) {
            rebuildInBackground(rebuildReason);
        }
        return applied;
    }

    private boolean apply(Product product) {
        Long known = versions.get(product.productId());
        if (known != null && known >= product.version()) {
            return false;
        }
        versions.put(product.productId(), product.version());
        index.upsert(product);
        return true;
    }

    private void rebuildInBackground(String reason) {
        if (!rebuilding.compareAndSet(false, true)) {
            return;
        }
        LOG.info("rebuilding the search index in the background: {}", reason);
        background.execute(() -> {
            try {
                rebuild();
            } catch (RuntimeException e) {
                LOG.warn("background rebuild of the search index failed; the next sync tries again", e);
            } finally {
                rebuilding.set(false);
            }
        });
    }

    /** True while a background rebuild runs. */
    public boolean isRebuilding() {
        return rebuilding.get();
    }

    public SearchResult search(SearchRequest request) {
        return index.search(request);
    }

    /** Every category of the active products with its count; computed once per content generation. */
    public List<CategoryCount> categories() {
        long current = generation;
        CategoryMemo memo = categories;
        if (memo == null || memo.generation != current) {
            memo = new CategoryMemo(current, index.categories());
            categories = memo;
        }
        return memo.categories;
    }

    /**
     * The feed position this index has applied everything up to, as text: instances at the same position
     * answer alike, so it can key a shared cache of answers. Empty when the feed is unreachable.
     */
    public Optional<String> state() {
        FeedPosition current = position;
        return current == null ? Optional.empty() : Optional.of(current.toString());
    }

    public int size() {
        return index.size();
    }

    private record CategoryMemo(long generation, List<CategoryCount> categories) {
    }
}
