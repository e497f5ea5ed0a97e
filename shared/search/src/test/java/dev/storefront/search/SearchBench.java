package dev.storefront.search;

import dev.storefront.domain.catalog.Product;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Micro-benchmark of the search core against a naive in-memory scan (the stand-in for a DynamoDB
 * Scan-with-filter). Not a test: run it by hand, see docs/benchmarks.md.
 *
 * <p>Arguments: {@code [products=100000] [iterations=1000] [scanIterations=20]}.
 */
public final class SearchBench {

    private record BenchQuery(String kind, Map<String, String> parameters) {
    }

    private static final List<BenchQuery> MIX = List.of(
            new BenchQuery("words", Map.of("q", "wireless headphones")),
            new BenchQuery("words", Map.of("q", "laptop")),
            new BenchQuery("words", Map.of("q", "paperback")),
            new BenchQuery("words", Map.of("q", "steel knife")),
            new BenchQuery("typo", Map.of("q", "hedphones")),
            new BenchQuery("typo", Map.of("q", "labtop")),
            new BenchQuery("typo", Map.of("q", "skilet")),
            new BenchQuery("typo", Map.of("q", "paperbak")),
            new BenchQuery("prefix", Map.of("q", "head")),
            new BenchQuery("prefix", Map.of("q", "wireless sp")),
            new BenchQuery("prefix", Map.of("q", "lap")),
            new BenchQuery("prefix", Map.of("q", "gui")),
            new BenchQuery("filter", Map.of("q", "laptop", "category", "Electronics", "maxPrice", "100000")),
            new BenchQuery("filter", Map.of("category", "Books", "inStock", "true")),
            new BenchQuery("filter", Map.of("minPrice", "5000", "maxPrice", "10000", "inStock", "true")),
            new BenchQuery("filter", Map.of("q", "knife", "inStock", "true")),
            new BenchQuery("sort", Map.of("q", "headphones", "sort", "price_asc")),
            new BenchQuery("sort", Map.of("sort", "price_desc")),
            new BenchQuery("sort", Map.of("sort", "newest")),
            new BenchQuery("sort", Map.of("q", "paperback", "sort", "newest")));

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int scanIterations = args.length > 2 ? Integer.parseInt(args[2]) : 20;

        List<Product> products = Products.demo(42, count);
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        ProductIndex index = new ProductIndex("bench-cursor-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        index.rebuild(products);
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        long heapIndex = usedHeap() - heapBefore;
        System.out.printf(Locale.ROOT, "products %d, index build %d ms, index heap %.1f MiB, total heap used %.1f MiB%n",
                index.size(), buildMillis, heapIndex / 1048576.0, usedHeap() / 1048576.0);

        List<SearchRequest> requests = MIX.stream().map(q -> SearchRequest.parse(q.parameters())).toList();
        for (int warm = 0; warm < Math.max(100, iterations / 5); warm++) {
            requests.forEach(index::search);
        }
        Map<String, List<Long>> lucene = new LinkedHashMap<>();
        Map<String, List<Long>> scan = new LinkedHashMap<>();
        long[] totals = new long[requests.size()];
        for (int i = 0; i < iterations; i++) {
            for (int q = 0; q < requests.size(); q++) {
                long t = System.nanoTime();
                totals[q] = index.search(requests.get(q)).total();
                lucene.computeIfAbsent(MIX.get(q).kind(), k -> new ArrayList<>()).add(System.nanoTime() - t);
            }
        }
        for (int i = 0; i < 2; i++) {
            requests.forEach(r -> naiveScan(products, r));
        }
        for (int i = 0; i < scanIterations; i++) {
            for (int q = 0; q < requests.size(); q++) {
                long t = System.nanoTime();
                naiveScan(products, requests.get(q));
                scan.computeIfAbsent(MIX.get(q).kind(), k -> new ArrayList<>()).add(System.nanoTime() - t);
            }
        }

        System.out.printf(Locale.ROOT, "%-8s %10s %10s %12s %12s %9s %9s%n",
                "kind", "p50 ms", "p99 ms", "scan p50 ms", "scan p99 ms", "x p50", "x p99");
        List<Long> allLucene = new ArrayList<>();
        List<Long> allScan = new ArrayList<>();
        for (String kind : lucene.keySet()) {
            allLucene.addAll(lucene.get(kind));
            allScan.addAll(scan.get(kind));
            row(kind, lucene.get(kind), scan.get(kind));
        }
        row("all", allLucene, allScan);
        System.out.println("matches per query (Lucene total): " + Arrays.toString(totals));
        index.close();
    }

    /** Filters, a case-insensitive {@code contains} of every word, then sort and the first page. */
    static List<Product> naiveScan(List<Product> products, SearchRequest request) {
        String[] words = request.q() == null ? new String[0] : request.q().toLowerCase(Locale.ROOT).split("\\s+");
        Predicate<Product> filter = p -> (request.category() == null || p.category().equalsIgnoreCase(request.category()))
                && (request.brand() == null || p.brand().equalsIgnoreCase(request.brand()))
                && (request.minPrice() == null || p.price().amount() >= request.minPrice())
                && (request.maxPrice() == null || p.price().amount() <= request.maxPrice())
                && (request.inStock() == null || p.inStock() == request.inStock());
        List<Product> matches = new ArrayList<>();
        for (Product p : products) {
            if (!filter.test(p)) {
                continue;
            }
            String text = (p.name() + ' ' + p.brand() + ' ' + p.category() + ' ' + p.description()).toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String word : words) {
                if (!text.contains(word)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                matches.add(p);
            }
        }
        Comparator<Product> order = switch (request.sort()) {
            case PRICE_ASC -> Comparator.comparingLong((Product p) -> p.price().amount());
            case PRICE_DESC -> Comparator.comparingLong((Product p) -> p.price().amount()).reversed();
            case NEWEST, RELEVANCE -> Comparator.comparing(Product::createdAt).reversed();
        };
        matches.sort(order.thenComparing(Product::productId));
        return matches.subList(0, Math.min(request.limit(), matches.size()));
    }

    private static void row(String kind, List<Long> lucene, List<Long> scan) {
        double p50 = percentile(lucene, 50);
        double p99 = percentile(lucene, 99);
        double s50 = percentile(scan, 50);
        double s99 = percentile(scan, 99);
        System.out.printf(Locale.ROOT, "%-8s %10.3f %10.3f %12.2f %12.2f %8.0fx %8.0fx%n",
                kind, p50, p99, s50, s99, s50 / p50, s99 / p99);
    }

    private static double percentile(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1e6;
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
