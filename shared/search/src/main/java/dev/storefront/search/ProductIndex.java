package dev.storefront.search;

import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.Product;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LongValuesSource;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The searchable catalog: a Lucene index of the active products, with near-real-time updates.
 *
 * <p>Thread-safe: any number of threads may search while others upsert; searches see the index as of the
 * last {@link #refresh()} (Lucene's {@link SearcherManager}), never a half-applied change. DynamoDB stays the
 * source of truth; {@link #rebuild} recreates the index from it, and {@link #commit()} makes the
 * {@link Directory} a consistent snapshot that can be copied elsewhere and opened again with
 * {@link #ProductIndex(Directory, byte[])}.
 *
 * <p>Facets are counted with lucene-facet ({@link SortedSetDocValuesFacetCounts} for category and brand,
 * {@link LongRangeFacetCounts} for price bands) over the same collector pass that ranks the page, so they
 * cover the query and every filter (see {@link SearchFacets}).
 *
 * <p>Cursor pages are exact as long as the index does not change between two pages; after a change a page
 * boundary may move by the changed products (as with any search-after pagination), never by others.
 */
public final class ProductIndex implements Closeable {

    /** How many brands the brand facet lists. */
    public static final int TOP_BRANDS = 20;
    /** Lower bounds of the price bands, in minor units; each band ends where the next begins, the last is open. */
    public static final List<Long> PRICE_BANDS = List.of(0L, 1_000L, 2_500L, 5_000L, 10_000L, 25_000L, 50_000L);

    static final String ID = "productId";
    static final String ID_SORT = "productIdSort";
    static final String NAME = "name";
    static final String BRAND = "brand";
    static final String CATEGORY = "category";
    static final String DESCRIPTION = "description";
    static final String BRAND_KEY = "brandKey";
    static final String CATEGORY_KEY = "categoryKey";
    static final String PRICE = "price";
    static final String CURRENCY = "currency";
    static final String IN_STOCK = "inStock";
    static final String IMAGE = "image";
    static final String CREATED = "createdAt";

    private static final Set<String> SUMMARY_FIELDS = Set.of(ID, NAME, BRAND, CATEGORY, PRICE, CURRENCY, IN_STOCK, IMAGE);
    /** Field boosts of the full-text match: a word in the name says more than one in the description. */
    private static final String[] TEXT_FIELDS = {NAME, BRAND, CATEGORY, DESCRIPTION};
    private static final float[] TEXT_BOOSTS = {3f, 2f, 1.5f, 1f};
    /** Fuzzy and prefix matches add less than an exact match of the same field, so exact hits rank first. */
    private static final float FUZZY_WEIGHT = 0.5f;
    private static final float PREFIX_WEIGHT = 0.5f;
    private static final int FUZZY_MIN_LENGTH = 4;
    private static final int FUZZY_EXPANSIONS = 16;
    /**
     * Fuzzy words expand to up to {@value #FUZZY_EXPANSIONS} terms per field; beyond this many words the
     * query would pass Lucene's clause limit (1024), so long pasted queries match their words exactly.
     */
    private static final int MAX_FUZZY_WORDS = 10;

    private static final FacetsConfig FACETS = new FacetsConfig();
    private static final LongRange[] PRICE_RANGES = priceRanges();
    private static final SortField BY_ID = new SortField(ID_SORT, SortField.Type.STRING);

    private final Directory directory;
    private final boolean ownsDirectory;
    private final Analyzer analyzer = new ProductAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final CursorCodec cursors;

    /** An empty in-memory index. */
    public ProductIndex(byte[] cursorKey) {
        this(new ByteBuffersDirectory(), true, cursorKey);
    }

    /**
     * An index kept in {@code directory}, opening what a previous {@link #commit()} left there.
     *
     * @param cursorKey HMAC-SHA256 key of the page cursors (at least 16 bytes); every instance that serves
     *     the same clients must share it
     */
    public ProductIndex(Directory directory, byte[] cursorKey) {
        this(directory, false, cursorKey);
    }

    private ProductIndex(Directory directory, boolean ownsDirectory, byte[] cursorKey) {
        this.cursors = new CursorCodec(cursorKey);
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        try {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                    return new FacetedSearcher(reader);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    /** Indexes {@code product}, replacing its previous version; an archived product is removed instead. */
    public void upsert(Product product) {
        try {
            Term id = new Term(ID, product.productId());
            if (product.isArchived()) {
                writer.deleteDocuments(id);
            } else {
                writer.updateDocument(id, document(product));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a product from search; unknown ids are ignored. */
    public void remove(String productId) {
        try {
            writer.deleteDocuments(new Term(ID, productId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the whole index by {@code products} (archived ones are skipped) and makes it visible at once.
     * Meant for start-up and recovery: upserts running at the same time may be lost.
     */
    public void rebuild(Iterable<Product> products) {
        rebuild(products::forEach);
    }

    /**
     * Replaces the whole index by what {@code source} delivers (archived products are skipped) and makes it
     * visible at once; searches see the previous content until then. The source may deliver from several
     * threads at once. Upserts running at the same time may be lost: callers serialize them.
     */
    public void rebuild(ProductSource source) {
        try {
            writer.deleteAll();
            source.forEach(product -> {
                if (!product.isArchived()) {
                    try {
                        writer.addDocument(document(product));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            writer.commit();
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every change so far visible to searches started from now on. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every change durably to the directory, e.g. before snapshotting it. */
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of searchable products as of the last refresh. */
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /**
     * One page of the products matching {@code request}.
     *
     * @throws dev.storefront.domain.error.ValidationException {@code invalid-cursor} when the request's cursor
     *     was not issued by this index's key for the same query, filters and sort
     */
    public SearchResult search(SearchRequest request) {
        Sort sort = sort(request.sort());
        FieldDoc after = null;
        if (request.cursor() != null) {
            Object[] values = cursors.decode(request.fingerprint(), request.cursor(), sortValueTypes(sort));
            // doc = MAX_VALUE: the last hit itself (equal sort values, unique id) is skipped on the next page.
            after = new FieldDoc(Integer.MAX_VALUE, Float.NaN, values);
        }
        FieldDoc page = after;
        Query query = query(request);
        return withSearcher(searcher -> {
            FacetedSearcher faceted = (FacetedSearcher) searcher;
            // Integer.MAX_VALUE: count every hit exactly and never skip one, so facets and total are exact.
            var top = new TopFieldCollectorManager(sort, request.limit() + 1, page, Integer.MAX_VALUE);
            TopFieldDocs docs;
            long total;
            SearchFacets facets;
            if (matchesEverything(request)) {
                // Browsing the whole catalog: total and facets are the same for every sort and page of this
                // searcher, so they are counted once per refresh instead of over every product each time.
                docs = searcher.search(query, top);
                total = docs.totalHits.value;
                facets = faceted.everything();
            } else {
                Object[] collected = searcher.search(query, new MultiCollectorManager(top, new FacetsCollectorManager()));
                docs = (TopFieldDocs) collected[0];
                FacetsCollector matches = (FacetsCollector) collected[1];
                total = matches.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
                facets = facets(faceted, matches);
            }
            int shown = Math.min(request.limit(), docs.scoreDocs.length);
            List<ProductSummary> items = new ArrayList<>(shown);
            StoredFields stored = searcher.storedFields();
            for (int i = 0; i < shown; i++) {
                items.add(summary(stored.document(docs.scoreDocs[i].doc, SUMMARY_FIELDS)));
            }
            String next = null;
            if (docs.scoreDocs.length > request.limit()) {
                next = cursors.encode(request.fingerprint(), ((FieldDoc) docs.scoreDocs[shown - 1]).fields);
            }
            return new SearchResult(items, total, facets, next);
        });
    }

    private static boolean matchesEverything(SearchRequest request) {
        return request.q() == null && request.category() == null && request.brand() == null
                && request.minPrice() == null && request.maxPrice() == null && request.inStock() == null;
    }

    private static SearchFacets facets(FacetedSearcher searcher, FacetsCollector matches) throws IOException {
        return new SearchFacets(
                labelCounts(searcher, matches, CATEGORY, Integer.MAX_VALUE),
                labelCounts(searcher, matches, BRAND, TOP_BRANDS),
                priceBands(matches));
    }

    /** Every category of the active products with its product count, by name. */
    public List<CategoryCount> categories() {
        return withSearcher(searcher -> ((FacetedSearcher) searcher).everything().category().stream()
                .map(c -> new CategoryCount(c.value(), c.count()))
                .sorted(Comparator.comparing(CategoryCount::category))
                .toList());
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            if (ownsDirectory) {
                directory.close();
            }
        }
    }

    private static Document document(Product product) {
        Document doc = new Document();
        doc.add(new StringField(ID, product.productId(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID_SORT, new BytesRef(product.productId())));
        doc.add(new TextField(NAME, product.name(), Field.Store.YES));
        doc.add(new TextField(BRAND, product.brand(), Field.Store.YES));
        doc.add(new TextField(CATEGORY, product.category(), Field.Store.YES));
        doc.add(new TextField(DESCRIPTION, product.description(), Field.Store.NO));
        doc.add(new StringField(BRAND_KEY, key(product.brand()), Field.Store.NO));
        doc.add(new StringField(CATEGORY_KEY, key(product.category()), Field.Store.NO));
        if (!product.category().isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(CATEGORY, product.category()));
        }
        if (!product.brand().isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(BRAND, product.brand()));
        }
        long amount = product.price().amount();
        doc.add(new LongPoint(PRICE, amount));
        doc.add(new NumericDocValuesField(PRICE, amount));
        doc.add(new StoredField(PRICE, amount));
        doc.add(new StoredField(CURRENCY, product.price().currency()));
        doc.add(new StringField(IN_STOCK, Boolean.toString(product.inStock()), Field.Store.YES));
        if (!product.images().isEmpty()) {
            doc.add(new StoredField(IMAGE, product.images().get(0)));
        }
        doc.add(new NumericDocValuesField(CREATED, epochNanos(product.createdAt())));
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProductSummary summary(Document doc) {
        return new ProductSummary(doc.get(ID), doc.get(NAME), doc.get(CATEGORY), doc.get(BRAND),
                Money.of(doc.getField(PRICE).numericValue().longValue(), doc.get(CURRENCY)),
                Boolean.parseBoolean(doc.get(IN_STOCK)), doc.get(IMAGE));
    }

    private Query query(SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(request.q() == null ? new MatchAllDocsQuery() : textQuery(request.q()), Occur.MUST);
        if (request.category() != null) {
            query.add(new TermQuery(new Term(CATEGORY_KEY, key(request.category()))), Occur.FILTER);
        }
        if (request.brand() != null) {
            query.add(new TermQuery(new Term(BRAND_KEY, key(request.brand()))), Occur.FILTER);
        }
        if (request.minPrice() != null || request.maxPrice() != null) {
            query.add(LongPoint.newRangeQuery(PRICE,
                    request.minPrice() == null ? Long.MIN_VALUE : request.minPrice(),
                    request.maxPrice() == null ? Long.MAX_VALUE : request.maxPrice()), Occur.FILTER);
        }
        if (request.inStock() != null) {
            query.add(new TermQuery(new Term(IN_STOCK, request.inStock().toString())), Occur.FILTER);
        }
        Query built = query.build();
        return request.sort() == SearchSort.RELEVANCE ? built : new ConstantScoreQuery(built);
    }

    /**
     * Every word must match (AND); a word may match in any field (OR), exactly, with one typo when it has
     * at least {@value #FUZZY_MIN_LENGTH} letters, and — the last word only — as a prefix.
     */
    private Query textQuery(String q) {
        List<String> words = words(q);
        if (words.isEmpty()) {
            return new MatchNoDocsQuery("no words in the query");
        }
        boolean fuzzy = words.size() <= MAX_FUZZY_WORDS;
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            boolean last = w == words.size() - 1;
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (int f = 0; f < TEXT_FIELDS.length; f++) {
                Term term = new Term(TEXT_FIELDS[f], word);
                float boost = TEXT_BOOSTS[f];
                any.add(new BoostQuery(new TermQuery(term), boost), Occur.SHOULD);
                if (fuzzy && word.codePointCount(0, word.length()) >= FUZZY_MIN_LENGTH) {
                    any.add(new BoostQuery(new FuzzyQuery(term, 1, 1, FUZZY_EXPANSIONS, true),
                            boost * FUZZY_WEIGHT), Occur.SHOULD);
                }
                if (last) {
                    any.add(new BoostQuery(new PrefixQuery(term), boost * PREFIX_WEIGHT), Occur.SHOULD);
                }
            }
            all.add(any.build(), Occur.MUST);
        }
        return all.build();
    }

    private List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(NAME, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static Sort sort(SearchSort sort) {
        return switch (sort) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, BY_ID);
            case PRICE_ASC -> new Sort(new SortField(PRICE, SortField.Type.LONG), BY_ID);
            case PRICE_DESC -> new Sort(new SortField(PRICE, SortField.Type.LONG, true), BY_ID);
            case NEWEST -> new Sort(new SortField(CREATED, SortField.Type.LONG, true), BY_ID);
        };
    }

    private static Class<?>[] sortValueTypes(Sort sort) {
        SortField[] fields = sort.getSort();
        Class<?>[] types = new Class<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            types[i] = switch (fields[i].getType()) {
                case SCORE -> Float.class;
                case LONG -> Long.class;
                case STRING -> BytesRef.class;
                default -> throw new IllegalStateException("unexpected sort " + fields[i]);
            };
        }
        return types;
    }

    private static List<FacetCount> labelCounts(FacetedSearcher searcher, FacetsCollector matches, String dim,
            int top) throws IOException {
        SortedSetDocValuesReaderState state = searcher.facetState;
        if (state == null || !state.getPrefixToOrdRange().containsKey(dim)) {
            return List.of();
        }
        FacetResult result = new SortedSetDocValuesFacetCounts(state, matches).getAllChildren(dim);
        if (result == null) {
            return List.of();
        }
        List<FacetCount> counts = new ArrayList<>(result.labelValues.length);
        for (LabelAndValue label : result.labelValues) {
            if (label.value.longValue() > 0) {
                counts.add(new FacetCount(label.label, label.value.longValue()));
            }
        }
        counts.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
        return counts.size() > top ? List.copyOf(counts.subList(0, top)) : counts;
    }

    private static List<PriceBandCount> priceBands(FacetsCollector matches) throws IOException {
        FacetResult result = new LongRangeFacetCounts(PRICE, LongValuesSource.fromLongField(PRICE), matches,
                PRICE_RANGES).getAllChildren(PRICE);
        List<PriceBandCount> bands = new ArrayList<>(PRICE_RANGES.length);
        for (int i = 0; i < PRICE_RANGES.length; i++) {
            Long to = i + 1 < PRICE_BANDS.size() ? PRICE_BANDS.get(i + 1) : null;
            bands.add(new PriceBandCount(PRICE_BANDS.get(i), to, result.labelValues[i].value.longValue()));
        }
        return bands;
    }

    private static LongRange[] priceRanges() {
        LongRange[] ranges = new LongRange[PRICE_BANDS.size()];
        for (int i = 0; i < ranges.length; i++) {
            boolean open = i + 1 == ranges.length;
            ranges[i] = new LongRange(Integer.toString(i), PRICE_BANDS.get(i), true,
                    open ? Long.MAX_VALUE : PRICE_BANDS.get(i + 1), open);
        }
        return ranges;
    }

    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private <T> T withSearcher(SearchFunction<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** A searcher with the facet ordinals of its reader, built once per refresh rather than per search. */
    private static final class FacetedSearcher extends IndexSearcher {
        final SortedSetDocValuesReaderState facetState;
        /** Facets of every product of this searcher's reader, counted on first use. */
        private volatile SearchFacets everything;

        FacetedSearcher(IndexReader reader) throws IOException {
            super(reader);
            boolean hasFacets = FieldInfos.getMergedFieldInfos(reader)
                    .fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null;
            this.facetState = hasFacets ? new DefaultSortedSetDocValuesReaderState(reader, FACETS) : null;
        }

        SearchFacets everything() throws IOException {
            SearchFacets counted = everything;
            if (counted == null) {
                counted = facets(this, search(new MatchAllDocsQuery(), new FacetsCollectorManager()));
                everything = counted;
            }
            return counted;
        }
    }
}
