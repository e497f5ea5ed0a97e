package dev.storefront.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.bench.harness.Arguments;
import dev.storefront.bench.harness.BenchMain;
import dev.storefront.bench.harness.CommandLine;
import dev.storefront.bench.harness.FunctionEnvironment;
import dev.storefront.bench.harness.FunctionPackage;
import dev.storefront.bench.harness.LocalCloud;
import dev.storefront.bench.harness.Percentiles;
import dev.storefront.bench.harness.Ratio;
import dev.storefront.bench.harness.Report;
import dev.storefront.bench.harness.Stats;
import dev.storefront.bench.harness.Table;
import dev.storefront.democatalog.DemoCatalog;
import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.catalog.CatalogService;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductCache;
import dev.storefront.dynamodb.DynamoDbClientFactory;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.localcloud.RedisServer;
import dev.storefront.redis.RedisClientFactory;
import dev.storefront.redis.RedisProductCache;
import dev.storefront.redis.RedisSettings;
import dev.storefront.redis.ResilientRedis;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The catalog benchmark (issue #3), at 100,000 demo products in moto (the local DynamoDB) and a real Redis, in one run:
 *
 * <ol>
 *   <li>search: the search function's deployment package in a fresh JVM ({@code SearchProbe}) - cold start
 *       (JVM start to first answer, the index built from the table during init), then a fixed mix of queries
 *       timed in-process (handler time), first with the shared answer cache off (every answer computed by the
 *       index), then in a second JVM with it on (repeats are cache hits);</li>
 *   <li>the baseline: the same kinds of query as a DynamoDB Scan with a filter expression (paged, sorted and
 *       cut to a page in memory), the way a catalog without a search engine answers;</li>
 *   <li>product detail: a product-cache hit ({@link RedisProductCache#get}) next to a DynamoDB GetItem
 *       ({@link DynamoDbProductRepository#findById}), interleaved.</li>
 * </ol>
 *
 * <p>Run with {@code ./storefront bench catalog [--products N] [--rounds N] [--scans N] [--details N] [--seed N]
 * [--keep]} ({@code --help} tells more). Prints the figures and the command; docs/benchmarks.md keeps them.
 */
public final class CatalogBench {

    static final String FUNCTION = "SearchFunction";
    static final double TARGET_P99_MILLIS = 25;
    static final double TARGET_SCAN_RATIO = 50;
    static final double TARGET_DETAIL_RATIO = 2;

    /** The fixed query mix: the kinds a storefront's search box and category pages send. */
    static final List<Query> MIX = List.of(
            new Query("words", "q=wireless+headphones"),
            new Query("words", "q=laptop"),
            new Query("words", "q=paperback"),
            new Query("words", "q=steel+knife"),
            new Query("typo", "q=hedphones"),
            new Query("typo", "q=labtop"),
            new Query("typo", "q=skilet"),
            new Query("typo", "q=paperbak"),
            new Query("prefix", "q=head"),
            new Query("prefix", "q=wireless+sp"),
            new Query("prefix", "q=lap"),
            new Query("prefix", "q=gui"),
            new Query("filter", "q=laptop&category=Electronics&maxPrice=100000"),
            new Query("filter", "category=Books&inStock=true"),
            new Query("filter", "minPrice=5000&maxPrice=10000&inStock=true"),
            new Query("filter", "q=knife&inStock=true"),
            new Query("sort", "q=headphones&sort=price_asc"),
            new Query("sort", "sort=price_desc"),
            new Query("browse", "sort=newest"),
            new Query("browse", "category=Electronics"));

    /** One query of the mix: its kind and its query string. */
    record Query(String kind, String rawQuery) {

        Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters.put(nameValue[0], java.net.URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
            }
            return parameters;
        }
    }

    static final CommandLine COMMAND_LINE = CommandLine.of("./storefront bench catalog")
            .number("--products", 100_000, 100, "demo products loaded into moto")
            .number("--rounds", 30, 1, "rounds of the query mix timed in each search JVM")
            .number("--scans", 6, 1, "queries answered by the Scan baseline (one per kind first)")
            .number("--details", 2000, 10, "product-detail pairs timed (cache hit, GetItem), after a fifth more"
                    + " untimed")
            .number("--seed", 42, "seed of the demo catalog and of the product-detail sample")
            .flag("--keep", "keep the work directory (unpacked zip, environments, events, samples)");

    /** Command-line options. */
    record Options(Path repo, int products, int rounds, int scans, int details, long seed, boolean keep,
            String command) {

        static Options of(Arguments args) {
            return new Options(args.repo(), args.integer("--products"), args.integer("--rounds"),
                    args.integer("--scans"), args.integer("--details"), args.number("--seed"), args.flag("--keep"),
                    args.command());
        }
    }

    private final Options options;
    private final PrintStream log;
    private final ObjectMapper json = new ObjectMapper();

    CatalogBench(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public static void main(String[] args) {
        BenchMain.main("catalog", args, COMMAND_LINE, Options::of, (options, log) -> new CatalogBench(options, log).run());
    }

    String run() {
        try (LocalCloud cloud = LocalCloud.start(options.repo(), true, options.keep(), log)) {
            String table = cloud.tables().get("ProductsTable");
            DynamoDbProductRepository repository =
                    new DynamoDbProductRepository(DynamoDbClientFactory.enhanced(cloud.dynamoDb()), table);

            long loadStart = System.nanoTime();
            new CatalogService(repository, ProductCache.none(), IdGenerator.systemDefault(), Clock.systemUTC(), "USD")
                    .importNew(new DemoCatalog().generate(options.seed(), options.products()));
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            log.printf(Locale.ROOT, "loaded %d demo products into moto in %.1f s%n", options.products(), loadSeconds);

            Path work = cloud.work();
            FunctionPackage function = cloud.unpack(FUNCTION);
            Path probe = ProbeClasses.writeTo(work.resolve("probe"));
            Path events = writeEvents(work.resolve("events.jsonl"));

            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("STOREFRONT_CURSOR_SECRET_ARN", null);
            overrides.put("STOREFRONT_CURSOR_KEY", "catalog-bench-cursor-key-0123456789abcdef");
            Map<String, String> functionEnv = cloud.functionEnvironment(FUNCTION, overrides);
            int memoryMb = Integer.parseInt(functionEnv.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));

            Map<String, String> uncached = new LinkedHashMap<>(functionEnv);
            uncached.put("STOREFRONT_SEARCH_RESULT_CACHE_SECONDS", "0");
            log.println("search, answer cache off: fresh JVM, index built from the table, then the query mix");
            ProbeResult computed = runProbe(function, probe, work, "uncached", uncached, events, memoryMb);
            log.println("search, answer cache on: second fresh JVM");
            ProbeResult cached = runProbe(function, probe, work, "cached", functionEnv, events, memoryMb);

            log.println("baseline: DynamoDB Scan with a filter expression");
            Map<String, List<Double>> scans = scanBaseline(cloud.dynamoDb(), table);

            log.println("product detail: cache hit vs GetItem");
            Map<String, List<Double>> details = productDetail(repository, cloud.redis());

            return report(loadSeconds, memoryMb, computed, cached, scans, details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One HTTP API (payload 2.0) event per query of the mix, one per line. */
    private Path writeEvents(Path file) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < MIX.size(); i++) {
            Query query = MIX.get(i);
            ObjectNode event = json.createObjectNode();
            event.put("version", "2.0");
            event.put("routeKey", "GET /products");
            event.put("rawPath", "/products");
            event.put("rawQueryString", query.rawQuery());
            event.putObject("headers").put("accept", "application/json");
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.parameters().forEach(parameters::put);
            ObjectNode context = event.putObject("requestContext");
            context.put("requestId", "bench-" + i);
            context.put("routeKey", "GET /products");
            context.putObject("http").put("method", "GET").put("path", "/products");
            event.put("isBase64Encoded", false);
            lines.append(json.writeValueAsString(event)).append('\n');
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** What one search JVM measured. */
    record ProbeResult(double coldStartMillis, double initMillis, double heapMib, Map<Integer, List<Double>> samples) {
    }

    /** One search JVM: its own environment directory first on the class path, samples written to the work directory. */
    private ProbeResult runProbe(FunctionPackage function, Path probe, Path work, String name,
            Map<String, String> functionEnv, Path events, int memoryMb) {
        Path envDirectory = FunctionEnvironment.writeDirectory(work.resolve("env-" + name), functionEnv);
        Path samples = work.resolve("samples-" + name + ".txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The heap Lambda would leave a function of this size, roughly (the runtime keeps some for itself).
                "-Xmx" + (memoryMb * 85 / 100) + "m",
                "-cp", function.classPath(envDirectory, probe).stream().map(Path::toString)
                        .collect(Collectors.joining(File.pathSeparator)),
                ProbeClasses.SEARCH_PROBE_MAIN, function.handler(), events.toString(), "3",
                String.valueOf(options.rounds()), samples.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(FunctionEnvironment.childProcess(functionEnv, "on-demand"));
        List<String> output = new ArrayList<>();
        String cold = null;
        String heap = null;
        try {
            Process process = builder.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("COLD ")) {
                        cold = line;
                    } else if (line.startsWith("HEAP ")) {
                        heap = line;
                    }
                    output.add(line);
                    if (output.size() > 60) {
                        output.remove(0);
                    }
                }
            }
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0 || cold == null || heap == null) {
                throw new IllegalStateException("search probe failed:\n" + String.join("\n", output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        String[] c = cold.split(" ");
        long jvmStart = Long.parseLong(c[1]);
        long main = Long.parseLong(c[2]);
        long initDone = Long.parseLong(c[3]);
        long firstAnswer = Long.parseLong(c[4]);
        Map<Integer, List<Double>> byQuery = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(samples)) {
                String[] f = line.split(" ");
                byQuery.computeIfAbsent(Integer.parseInt(f[1]), k -> new ArrayList<>()).add(Long.parseLong(f[2]) / 1e6);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.printf(Locale.ROOT, "  cold start %d ms (init %d ms), heap after init %.0f MiB%n", firstAnswer - jvmStart,
                initDone - main, Long.parseLong(heap.split(" ")[1]) / 1048576.0);
        return new ProbeResult(firstAnswer - jvmStart, initDone - main, Long.parseLong(heap.split(" ")[1]) / 1048576.0,
                byQuery);
    }

    /**
     * The baseline: a Scan of the whole table with a filter expression for each of the first {@code --scans}
     * queries of different kinds (DynamoDB applies the filter after reading every item, so every scan reads the
     * whole table), then sorted and cut to a page of 20 in memory. Free text becomes {@code contains} on name or
     * description, word by word - no relevance, typos or prefixes, so the baseline does less than the search.
     */
    private Map<String, List<Double>> scanBaseline(DynamoDbClient client, String table) {
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        List<Query> chosen = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (Query query : MIX) {
            if (!kinds.contains(query.kind())) {
                kinds.add(query.kind());
                chosen.add(query);
            }
        }
        for (Query query : MIX) {
            if (chosen.size() >= options.scans()) {
                break;
            }
            if (!chosen.contains(query)) {
                chosen.add(query);
            }
        }
        for (Query query : chosen.subList(0, Math.min(options.scans(), chosen.size()))) {
            long started = System.nanoTime();
            int matches = scan(client, table, query.parameters());
            double millis = (System.nanoTime() - started) / 1e6;
            byKind.computeIfAbsent(query.kind(), k -> new ArrayList<>()).add(millis);
            log.printf(Locale.ROOT, "  scan %-7s %-45s %8.0f ms, %d matches%n", query.kind(), query.rawQuery(), millis,
                    matches);
        }
        return byKind;
    }

    private static int scan(DynamoDbClient client, String table, Map<String, String> parameters) {
        List<String> conditions = new ArrayList<>(List.of("begins_with(pk, :product)", "#status = :active"));
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":product", AttributeValue.fromS("PRODUCT#"),
                ":active", AttributeValue.fromS("ACTIVE")));
        String q = parameters.get("q");
        if (q != null) {
            names.put("#name", "name");
            names.put("#description", "description");
            String[] words = q.split("\\s+");
            for (int i = 0; i < words.length; i++) {
                // DynamoDB compares case-sensitively: look for the word as written and capitalised.
                String word = words[i].toLowerCase(Locale.ROOT);
                String capitalised = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                values.put(":w" + i, AttributeValue.fromS(word));
                values.put(":W" + i, AttributeValue.fromS(capitalised));
                conditions.add("(contains(#name, :w" + i + ") OR contains(#name, :W" + i + ") OR contains(#description, :w"
                        + i + "))");
            }
        }
        if (parameters.containsKey("category")) {
            names.put("#category", "category");
            values.put(":category", AttributeValue.fromS(parameters.get("category")));
            conditions.add("#category = :category");
        }
        if (parameters.containsKey("minPrice")) {
            values.put(":min", AttributeValue.fromN(parameters.get("minPrice")));
            conditions.add("priceAmount >= :min");
        }
        if (parameters.containsKey("maxPrice")) {
            values.put(":max", AttributeValue.fromN(parameters.get("maxPrice")));
            conditions.add("priceAmount <= :max");
        }
        if ("true".equals(parameters.get("inStock"))) {
            values.put(":zero", AttributeValue.fromN("0"));
            conditions.add("available > :zero");
        }
        List<Map<String, AttributeValue>> matches = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            // 1000-item pages, as the baseline has always been measured (a page of 1 MB holds ~2,000 items).
            ScanRequest.Builder request = ScanRequest.builder().tableName(table).limit(1000)
                    .filterExpression(String.join(" AND ", conditions))
                    .expressionAttributeNames(names).expressionAttributeValues(values);
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            ScanResponse response = client.scan(request.build());
            matches.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        Comparator<Map<String, AttributeValue>> order = switch (parameters.getOrDefault("sort", "newest")) {
            case "price_asc" -> Comparator.comparingLong(i -> Long.parseLong(i.get("priceAmount").n()));
            case "price_desc" -> Comparator.<Map<String, AttributeValue>>comparingLong(
                    i -> Long.parseLong(i.get("priceAmount").n())).reversed();
            default -> Comparator.<Map<String, AttributeValue>, String>comparing(i -> i.get("createdAt").s()).reversed();
        };
        matches.sort(order);
        return matches.size();
    }

    /** Interleaved: a product-cache hit and a GetItem of the same random product, {@code --details} times. */
    private Map<String, List<Double>> productDetail(DynamoDbProductRepository repository, RedisServer redis) {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        repository.forEach(product -> ids.add(product.productId()));
        Collections.sort(ids);
        Random random = new Random(options.seed());
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sample.add(ids.get(random.nextInt(ids.size())));
        }
        ResilientRedis resilient = new ResilientRedis(RedisClientFactory.lazy(RedisSettings.of(redis.url(), false)));
        RedisProductCache cache = new RedisProductCache(resilient);
        for (String id : sample) {
            cache.put(repository.findById(id).orElseThrow());
        }
        List<Double> hits = new ArrayList<>();
        List<Double> gets = new ArrayList<>();
        int warmup = options.details() / 5;
        for (int i = 0; i < warmup + options.details(); i++) {
            String id = sample.get(i % sample.size());
            long t0 = System.nanoTime();
            Product cached = cache.get(id).orElseThrow(() -> new IllegalStateException("cache miss for " + id));
            long t1 = System.nanoTime();
            Product stored = repository.findById(id).orElseThrow();
            long t2 = System.nanoTime();
            if (cached.version() != stored.version()) {
                throw new IllegalStateException("cache and table disagree on " + id);
            }
            if (i >= warmup) {
                hits.add((t1 - t0) / 1e6);
                gets.add((t2 - t1) / 1e6);
            }
        }
        Map<String, List<Double>> result = new LinkedHashMap<>();
        result.put("cache hit (Redis HGET)", hits);
        result.put("DynamoDB GetItem", gets);
        return result;
    }

    private String report(double loadSeconds, int memoryMb, ProbeResult computed, ProbeResult cached,
            Map<String, List<Double>> scans, Map<String, List<Double>> details) {
        Report report = new Report("Catalog benchmark: " + options.products() + " products, " + options.rounds()
                + " rounds of " + MIX.size() + " queries per JVM", options.command())
                .header(String.format(Locale.ROOT, "Load: %.1f s (batched writes into moto, not a target)", loadSeconds));

        Table search = Table.of("search (handler time, ms)", "n", "p50", "p99", "max");
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        computed.samples().forEach((index, values) -> {
            byKind.computeIfAbsent(MIX.get(index).kind(), k -> new ArrayList<>()).addAll(values);
            all.addAll(values);
        });
        byKind.forEach((kind, values) -> row(search, kind + " (computed)", values));
        row(search, "**whole mix (computed)**", all);
        List<Double> hits = new ArrayList<>();
        cached.samples().values().forEach(hits::addAll);
        row(search, "whole mix (answer cache on: hits after the first round)", hits);
        report.table(search);

        Table baseline = Table.of("baseline: DynamoDB Scan with filter (ms)", "n", "p50", "p99", "max");
        List<Double> scanAll = new ArrayList<>();
        scans.values().forEach(scanAll::addAll);
        scans.forEach((kind, values) -> row(baseline, kind, values));
        row(baseline, "**all scans**", scanAll);
        report.table(baseline);

        double searchP99 = Stats.percentile(all, 0.99);
        Ratio scanOverSearch = new Ratio("p50 / p99", Stats.percentile(scanAll, 0.5), searchP99);
        report.block(String.format(Locale.ROOT,
                "Search p99 %.1f ms (target <= %.0f ms: %s); scan p50 / search p99 = %s (target >= %.0fx: %s)",
                searchP99, TARGET_P99_MILLIS, searchP99 <= TARGET_P99_MILLIS ? "met" : "MISSED",
                scanOverSearch.formatted(0), TARGET_SCAN_RATIO,
                scanOverSearch.value() >= TARGET_SCAN_RATIO ? "met" : "MISSED"));

        Table detail = Table.of("product detail (ms)", "n", "p50", "p99", "max");
        details.forEach((what, values) -> row(detail, what, values));
        report.table(detail);
        List<List<Double>> pair = new ArrayList<>(details.values());
        Ratio getOverHit = new Ratio("p50", Stats.percentile(pair.get(1), 0.5), Stats.percentile(pair.get(0), 0.5));
        report.block(String.format(Locale.ROOT,
                "GetItem p50 / cache-hit p50 = %s (target: cache hit <= half the GetItem time, i.e. >= %.0fx: %s)",
                getOverHit.formatted(1), TARGET_DETAIL_RATIO, getOverHit.value() >= TARGET_DETAIL_RATIO ? "met" : "MISSED"));

        report.block(String.format(Locale.ROOT,
                "Search cold start (fresh JVM to first answer, index of %d products built from the table during init,"
                        + " -Xmx%dm): %.0f ms and %.0f ms (init %.0f / %.0f ms); heap after init %.0f MiB",
                options.products(), memoryMb * 85 / 100, computed.coldStartMillis(), cached.coldStartMillis(),
                computed.initMillis(), cached.initMillis(), computed.heapMib()));
        return report.text();
    }

    private static void row(Table table, String label, List<Double> values) {
        table.row(label, values.size(), Percentiles.of(values).cells(2));
    }
}
