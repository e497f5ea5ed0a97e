package dev.storefront.bench;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.Money;
import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductRules;
import dev.storefront.domain.catalog.ProductStatus;
import dev.storefront.domain.checkout.Pricing;
import dev.storefront.domain.checkout.ShippingAddress;
import dev.storefront.domain.checkout.ShippingRates;
import dev.storefront.domain.checkout.TaxRates;
import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.order.CheckoutService;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.dynamodb.DynamoDbCartRepository;
import dev.storefront.dynamodb.DynamoDbClientFactory;
import dev.storefront.dynamodb.DynamoDbOrderRepository;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.IntrinsicResolver;
import dev.storefront.localcloud.LocalAwsClients;
import dev.storefront.localcloud.MotoServer;
import dev.storefront.localcloud.TemplateTables;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The checkout benchmark: {@link CheckoutService} with the real DynamoDB adapters, in-process against moto (the
 * local DynamoDB, served one request at a time) with the tables of template.yaml, driven by {@code --threads} threads.
 *
 * <ol>
 *   <li>no contention: each order buys 1-3 units of one product drawn from {@value #CATALOG_PRODUCTS} products
 *       with plenty of stock;</li>
 *   <li>contention: every order buys 1 unit of the same hot product, which has one unit per order;</li>
 *   <li>shortage: the same, but the hot product has half as many units as orders (the rest are 409
 *       out-of-stock).</li>
 * </ol>
 *
 * <p>Each order has its own shopper, whose cart is stored before the timed phase. The scenarios run in
 * {@code --rounds} interleaved rounds (each round its own hot products) after an untimed warm-up, so drift of
 * the machine is shared out. A checkout's latency is the time of {@link CheckoutService#checkout} (cart read,
 * product batch read, one write transaction; on a 409 also the stock re-read). Afterwards the run is checked:
 * no stock ever negative (every stock level in the products table's stream), units taken = units ordered,
 * one stored order per success, the carts of successful shoppers gone and the others kept.
 *
 * <p>Run with {@code ./storefront bench checkout [--orders N] [--threads N]}.
 */
public final class CheckoutBench {

    static final int CATALOG_PRODUCTS = 1000;
    static final int PLENTY = ProductRules.AVAILABLE_MAX;
    static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "12 Analytical Row", null,
            "Springfield", "IL", "62704", "US");
    static final Duration RESERVATION = Duration.ofMinutes(15);
    static final String CURRENCY = "USD";

    /** Command-line options. */
    record Options(Path repo, int orders, int threads, int rounds, long seed) {

        static final String USAGE = "usage: ./storefront bench checkout [--orders N (2000)] [--threads N (8)]"
                + " [--rounds N (4)] [--seed N (42)]";

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>(Map.of("--orders", "2000", "--threads", "8", "--rounds", "4",
                    "--seed", "42"));
            for (int i = 0; i < args.length; i++) {
                if (values.containsKey(args[i]) && i + 1 < args.length) {
                    values.put(args[i], args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
                }
            }
            try {
                Options options = new Options(BenchOptions.findRepo(), Integer.parseInt(values.get("--orders")),
                        Integer.parseInt(values.get("--threads")), Integer.parseInt(values.get("--rounds")),
                        Long.parseLong(values.get("--seed")));
                if (options.threads() < 1 || options.rounds() < 1 || options.orders() < 2 * options.rounds()) {
                    throw new IllegalArgumentException("need --threads >= 1, --rounds >= 1, --orders >= 2 x rounds\n"
                            + USAGE);
                }
                return options;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("numbers expected\n" + USAGE, e);
            }
        }

        String command() {
            return String.format(Locale.ROOT, "./storefront bench checkout --orders %d --threads %d"
                    + " --rounds %d --seed %d", orders, threads, rounds, seed);
        }
    }

    /** The three kinds of order. */
    enum Scenario {
        NO_CONTENTION("no contention (1-3 units of one of 1,000 products)"),
        CONTENTION("contention (1 hot product, stock = orders)"),
        SHORTAGE("shortage (1 hot product, stock = orders / 2)");

        final String label;

        Scenario(String label) {
            this.label = label;
        }
    }

    /** One batch of checkouts: its shoppers (carts stored beforehand) and, for the hot scenarios, its product. */
    record Batch(Scenario scenario, List<String> shoppers, String hotProduct, int hotStock, boolean warmup) {
    }

    /** What the checkouts of one scenario gave, summed over its batches. */
    static final class Outcome {
        final List<Double> latenciesMillis = new ArrayList<>();
        long wallNanos;
        int orders;
        int ok;
        int outOfStock;
        int cartBusy;
        int otherErrors;
        int units;
        long transactionConflicts;
        long requests;
        long sdkRetries;
    }

    /** Counts the DynamoDB requests, their attempts and the lost transaction races of the client. */
    static final class RequestCounter implements ExecutionInterceptor {
        final LongAdder requests = new LongAdder();
        final LongAdder attempts = new LongAdder();
        final LongAdder transactionConflicts = new LongAdder();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.increment();
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            attempts.increment();
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            if (context.exception() instanceof TransactionCanceledException e && e.hasCancellationReasons()
                    && e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
                transactionConflicts.increment();
            }
        }

        long[] snapshot() {
            return new long[] {requests.sum(), attempts.sum(), transactionConflicts.sum()};
        }
    }

    private final Options options;
    private final PrintStream log;
    private final RequestCounter counter = new RequestCounter();
    /** The order of each successful checkout, by shopper. */
    private final Map<String, Order> placed = new ConcurrentHashMap<>();
    /** The cart lines of each shopper, as stored before the run. */
    private final Map<String, List<Cart.CartLine>> cartsByShopper = new ConcurrentHashMap<>();
    private volatile Throwable firstOtherError;

    CheckoutBench(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // The JDK keeps at most 5 idle keep-alive connections per host by default: with more threads than that,
        // the URLConnection client would open a new connection for some requests and time TCP set-up, not checkout.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(Math.max(5, 2 * options.threads())));
        }
        try {
            String report = new CheckoutBench(options, System.err).run();
            System.out.println(report);
        } catch (RuntimeException | AssertionError e) {
            System.err.println("checkout benchmark FAILED: " + e.getMessage());
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    String run() {
        CloudFormationTemplate template = CloudFormationTemplate.load(options.repo().resolve("template.yaml"));
        try (MotoServer server = MotoServer.startInMemory();
                DynamoDbClient client = client(server.endpoint());
                DynamoDbStreamsClient streams = LocalAwsClients.dynamoDbStreams(server.endpoint())) {
            Map<String, String> tables = new TemplateTables(IntrinsicResolver.builder(template).build()).createAll(client);
            String productsTable = tables.get("ProductsTable");
            String cartsTable = tables.get("CartsTable");
            String ordersTable = tables.get("OrdersTable");
            DynamoDbProductRepository products =
                    new DynamoDbProductRepository(DynamoDbClientFactory.enhanced(client), productsTable);
            DynamoDbCartRepository carts = new DynamoDbCartRepository(client, cartsTable);
            CheckoutService checkout = new CheckoutService(carts, products,
                    new DynamoDbOrderRepository(client, ordersTable, productsTable, cartsTable),
                    new Pricing(ShippingRates.defaults(CURRENCY), new TaxRates()), IdGenerator.systemDefault(),
                    Clock.systemUTC(), RESERVATION);

            Random random = new Random(options.seed());
            List<String> catalog = new ArrayList<>();
            Map<String, Integer> initialStock = new LinkedHashMap<>();
            List<Product> imported = new ArrayList<>();
            for (int i = 0; i < CATALOG_PRODUCTS; i++) {
                Product product = product(random, PLENTY);
                imported.add(product);
                catalog.add(product.productId());
                initialStock.put(product.productId(), PLENTY);
            }
            products.importNew(imported);

            List<Batch> batches = plan(random, catalog, products, initialStock);
            long cartStart = System.nanoTime();
            storeCarts(carts, batches);
            log.printf(Locale.ROOT, "catalog of %d products and %d carts stored in %.1f s (not timed)%n",
                    CATALOG_PRODUCTS, cartsByShopper.size(), (System.nanoTime() - cartStart) / 1e9);

            Map<Scenario, Outcome> outcomes = new LinkedHashMap<>();
            for (Scenario scenario : Scenario.values()) {
                outcomes.put(scenario, new Outcome());
            }
            Outcome warmup = new Outcome();
            ExecutorService threads = Executors.newFixedThreadPool(options.threads());
            try {
                for (Batch batch : batches) {
                    Outcome outcome = batch.warmup() ? warmup : outcomes.get(batch.scenario());
                    log.printf(Locale.ROOT, "%s%s: %d checkouts%n", batch.warmup() ? "warm-up, " : "",
                            batch.scenario().label, batch.shoppers().size());
                    runBatch(checkout, threads, batch, outcome);
                }
            } finally {
                threads.shutdownNow();
            }

            List<String> checks = verify(client, streams, products, batches, initialStock, tables, warmup, outcomes);
            return report(outcomes, warmup, checks);
        }
    }

    private DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalAwsClients.LOCAL_CREDENTIAL, LocalAwsClients.LOCAL_CREDENTIAL)))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter))
                .build();
    }

    /**
     * The warm-up batches, then {@code --rounds} rounds of one batch per scenario, the scenario that opens a round
     * rotating; the hot products are created here.
     */
    private List<Batch> plan(Random random, List<String> catalog, DynamoDbProductRepository products,
            Map<String, Integer> initialStock) {
        List<Batch> batches = new ArrayList<>();
        int warm = Math.max(10 * options.threads(), options.orders() / 10);
        batches.add(batch(Scenario.NO_CONTENTION, "warmup-a", warm, null, 0, true, i -> spread(random, catalog)));
        String warmHot = hotProduct(products, warm, initialStock, random);
        batches.add(batch(Scenario.CONTENTION, "warmup-b", warm, warmHot, warm, true, i -> hot(warmHot)));
        Scenario[] scenarios = Scenario.values();
        for (int round = 0; round < options.rounds(); round++) {
            int size = options.orders() / options.rounds() + (round < options.orders() % options.rounds() ? 1 : 0);
            for (int k = 0; k < scenarios.length; k++) {
                Scenario scenario = scenarios[(round + k) % scenarios.length];
                String prefix = scenario.name().toLowerCase(Locale.ROOT) + "-r" + round;
                switch (scenario) {
                    case NO_CONTENTION -> batches.add(batch(scenario, prefix, size, null, 0, false,
                            i -> spread(random, catalog)));
                    case CONTENTION -> {
                        String hot = hotProduct(products, size, initialStock, random);
                        batches.add(batch(scenario, prefix, size, hot, size, false, i -> hot(hot)));
                    }
                    case SHORTAGE -> {
                        int stock = Math.max(1, size / 2);
                        String hot = hotProduct(products, stock, initialStock, random);
                        batches.add(batch(scenario, prefix, size, hot, stock, false, i -> hot(hot)));
                    }
                    default -> throw new IllegalStateException(scenario.name());
                }
            }
        }
        return batches;
    }

    private Batch batch(Scenario scenario, String prefix, int size, String hotProduct, int hotStock, boolean warmup,
            IntFunction<List<Cart.CartLine>> lines) {
        List<String> shoppers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String shopper = String.format(Locale.ROOT, "bench-%s-%05d", prefix, i);
            shoppers.add(shopper);
            cartsByShopper.put(shopper, lines.apply(i));
        }
        return new Batch(scenario, shoppers, hotProduct, hotStock, warmup);
    }

    /**
     * One line of 1-3 units of a product drawn from the catalog: one line like the hot scenarios' orders, so the
     * ratio compares contention alone (each more line adds an item to the transaction and to the batch read).
     */
    private static List<Cart.CartLine> spread(Random random, List<String> catalog) {
        String productId = catalog.get(random.nextInt(catalog.size()));
        return List.of(new Cart.CartLine(productId, 1 + random.nextInt(3), Instant.now()));
    }

    private static List<Cart.CartLine> hot(String productId) {
        return List.of(new Cart.CartLine(productId, 1, Instant.now()));
    }

    private static String hotProduct(DynamoDbProductRepository products, int stock, Map<String, Integer> initialStock,
            Random random) {
        Product product = product(random, stock);
        products.create(product);
        initialStock.put(product.productId(), stock);
        return product.productId();
    }

    private static final IdGenerator PRODUCT_IDS = IdGenerator.systemDefault();

    private static Product product(Random random, int stock) {
        String id = PRODUCT_IDS.next();
        Instant now = Instant.now();
        return new Product(id, "BENCH-" + id, "Bench product " + id, "A product of the checkout benchmark.",
                "Bench", "Acme", Money.of(100 + random.nextInt(9_900), CURRENCY), stock, 100 + random.nextInt(1900),
                List.of(), Map.of(), ProductStatus.ACTIVE, now, now, 1);
    }

    /** Stores every shopper's cart (version 1), from the benchmark's threads. */
    private void storeCarts(DynamoDbCartRepository carts, List<Batch> batches) {
        List<String> shoppers = new ArrayList<>();
        batches.forEach(batch -> shoppers.addAll(batch.shoppers()));
        ExecutorService threads = Executors.newFixedThreadPool(options.threads());
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < options.threads(); t++) {
                workers.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < shoppers.size(); i = next.getAndIncrement()) {
                        String shopper = shoppers.get(i);
                        carts.save(new Cart(shopper, cartsByShopper.get(shopper), 0, Instant.now()));
                    }
                }));
            }
            await(workers);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs the batch's checkouts from all threads at once and adds what they gave to {@code outcome}. */
    private void runBatch(CheckoutService checkout, ExecutorService threads, Batch batch, Outcome outcome) {
        int n = batch.shoppers().size();
        double[] latencies = new double[n];
        int[] results = new int[n]; // 0 ok, 1 out-of-stock, 2 cart-busy, 3 other
        AtomicInteger next = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(options.threads());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            workers.add(threads.submit(() -> {
                ready.countDown();
                start.await();
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    String shopper = batch.shoppers().get(i);
                    long t0 = System.nanoTime();
                    int result;
                    try {
                        Order order = checkout.checkout(shopper, ADDRESS, "standard");
                        placed.put(shopper, order);
                        result = 0;
                    } catch (ConflictException e) {
                        result = switch (e.type()) {
                            case "out-of-stock" -> 1;
                            case "cart-busy" -> 2;
                            default -> otherError(e);
                        };
                    } catch (RuntimeException e) {
                        result = otherError(e);
                    }
                    latencies[i] = (System.nanoTime() - t0) / 1e6;
                    results[i] = result;
                }
                return null;
            }));
        }
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        long[] before = counter.snapshot();
        long t0 = System.nanoTime();
        start.countDown();
        await(workers);
        long wall = System.nanoTime() - t0;
        long[] after = counter.snapshot();

        outcome.wallNanos += wall;
        outcome.orders += n;
        outcome.requests += after[0] - before[0];
        outcome.sdkRetries += (after[1] - before[1]) - (after[0] - before[0]);
        outcome.transactionConflicts += after[2] - before[2];
        for (int i = 0; i < n; i++) {
            outcome.latenciesMillis.add(latencies[i]);
            switch (results[i]) {
                case 0 -> {
                    outcome.ok++;
                    outcome.units += cartsByShopper.get(batch.shoppers().get(i)).stream()
                            .mapToInt(Cart.CartLine::quantity).sum();
                }
                case 1 -> outcome.outOfStock++;
                case 2 -> outcome.cartBusy++;
                default -> outcome.otherErrors++;
            }
        }
    }

    private int otherError(RuntimeException e) {
        if (firstOtherError == null) {
            firstOtherError = e;
        }
        return 3;
    }

    private static void await(List<Future<?>> workers) {
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a benchmark thread failed", e.getCause());
            }
        }
    }

    /**
     * Checks the run against the tables; throws on any violation.
     *
     * @return the checks that held, for the report
     */
    private List<String> verify(DynamoDbClient client, DynamoDbStreamsClient streams,
            DynamoDbProductRepository products, List<Batch> batches, Map<String, Integer> initialStock,
            Map<String, String> tables, Outcome warmup, Map<Scenario, Outcome> outcomes) {
        List<String> checks = new ArrayList<>();
        int okTotal = warmup.ok + outcomes.values().stream().mapToInt(o -> o.ok).sum();
        int otherErrors = warmup.otherErrors + outcomes.values().stream().mapToInt(o -> o.otherErrors).sum();
        check(otherErrors == 0, otherErrors + " checkouts failed unexpectedly, the first: " + firstOtherError);
        check(placed.size() == okTotal, "successful checkouts " + okTotal + " but " + placed.size() + " orders returned");

        // Units taken from each product = units in the successful orders; stock never below 0 at the end.
        Map<String, Integer> ordered = new HashMap<>();
        int orderedLines = 0;
        for (Order order : placed.values()) {
            for (OrderLine line : order.items()) {
                ordered.merge(line.productId(), line.quantity(), Integer::sum);
                orderedLines++;
            }
        }
        Map<String, Product> finals = products.findAll(initialStock.keySet());
        check(finals.size() == initialStock.size(), "products missing after the run");
        long taken = 0;
        long bumps = 0;
        for (Map.Entry<String, Integer> initial : initialStock.entrySet()) {
            Product product = finals.get(initial.getKey());
            int units = initial.getValue() - product.available();
            check(product.available() >= 0, "negative stock " + product.available() + " of " + product.productId());
            check(units == ordered.getOrDefault(product.productId(), 0), product.productId() + ": " + units
                    + " units taken but " + ordered.getOrDefault(product.productId(), 0) + " ordered");
            taken += units;
            bumps += product.version() - 1;
        }
        long unitsOrdered = ordered.values().stream().mapToLong(Integer::longValue).sum();
        checks.add(String.format(Locale.ROOT, "units taken from stock = units in the %d orders placed: %d = %d, "
                + "product by product", okTotal, taken, unitsOrdered));
        check(bumps == orderedLines, "product versions bumped " + bumps + " times for " + orderedLines + " order lines");
        checks.add("product version bumps = order lines placed: " + bumps);

        // Hot products: exactly their stock sold, the rest refused.
        for (Batch batch : batches) {
            if (batch.hotProduct() == null) {
                continue;
            }
            int sold = (int) batch.shoppers().stream().filter(placed::containsKey).count();
            int expected = Math.min(batch.hotStock(), batch.shoppers().size());
            check(sold == expected, batch.scenario() + " sold " + sold + " of a hot product with " + batch.hotStock()
                    + " units for " + batch.shoppers().size() + " orders");
            check(finals.get(batch.hotProduct()).available() == batch.hotStock() - sold, "hot product stock is off");
        }
        checks.add("each hot product sold exactly min(stock, orders) and ended at stock - sold (0 here)");

        // One stored order per success; the carts of successful shoppers gone, the others kept.
        long storedOrders = count(client, tables.get("OrdersTable"));
        check(storedOrders == okTotal, storedOrders + " orders stored for " + okTotal + " successful checkouts");
        long storedCarts = count(client, tables.get("CartsTable"));
        long unplaced = cartsByShopper.size() - okTotal;
        check(storedCarts == unplaced, storedCarts + " carts left but " + unplaced + " shoppers were refused");
        checks.add("orders stored = successful checkouts: " + storedOrders + "; carts left = refused shoppers: "
                + storedCarts);

        // Every stock level the products table ever held, from its stream.
        int[] stream = lowestStockInStream(client, streams, tables.get("ProductsTable"));
        check(stream[0] >= 0, "the products stream shows a stock of " + stream[0]);
        check(stream[1] == orderedLines, "the products stream has " + stream[1] + " stock changes for "
                + orderedLines + " order lines");
        checks.add(String.format(Locale.ROOT, "stock never negative: lowest level in the products table's stream %d"
                + " over %d stock changes (= order lines)", stream[0], stream[1]));
        return checks;
    }

    private static void check(boolean condition, String violation) {
        if (!condition) {
            throw new IllegalStateException("correctness check failed: " + violation);
        }
    }

    private static long count(DynamoDbClient client, String table) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(b -> {
                b.tableName(table).select(Select.COUNT).consistentRead(true);
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /**
     * Reads the whole stream of the products table.
     *
     * @return the lowest {@code available} of any product image, and the number of modifications of a product's
     *     stock
     */
    private static int[] lowestStockInStream(DynamoDbClient client, DynamoDbStreamsClient streams, String table) {
        String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        List<Shard> shards = new ArrayList<>();
        String lastShard = null;
        do {
            String from = lastShard;
            var description = streams.describeStream(b -> {
                b.streamArn(arn);
                if (from != null) {
                    b.exclusiveStartShardId(from);
                }
            }).streamDescription();
            shards.addAll(description.shards());
            lastShard = description.lastEvaluatedShardId();
        } while (lastShard != null);
        int lowest = Integer.MAX_VALUE;
        int stockChanges = 0;
        for (Shard shard : shards) {
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page;
                try {
                    page = streams.getRecords(b -> b.shardIterator(current).limit(1000));
                } catch (TrimmedDataAccessException e) {
                    break; // an iterator the engine no longer honours: nothing more to read on this shard
                }
                for (Record record : page.records()) {
                    Map<String, AttributeValue> image = record.dynamodb().newImage();
                    if (image == null || !image.containsKey("available")
                            || !image.get("pk").s().startsWith("PRODUCT#")) {
                        continue;
                    }
                    lowest = Math.min(lowest, Integer.parseInt(image.get("available").n()));
                    // An insert has no old image (the SDK answers an empty map, not null).
                    Map<String, AttributeValue> old = record.dynamodb().oldImage();
                    if (record.dynamodb().hasOldImage() && !image.get("available").equals(old.get("available"))) {
                        stockChanges++;
                    }
                }
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return new int[] {lowest, stockChanges};
    }

    private String report(Map<Scenario, Outcome> outcomes, Outcome warmup, List<String> checks) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Checkout benchmark: %d orders per scenario, %d threads, %d interleaved"
                        + " rounds after a warm-up of %d checkouts; CheckoutService with the DynamoDB adapters,"
                        + " in-process against moto %s%n",
                options.orders(), options.threads(), options.rounds(), warmup.orders, "(HTTP on loopback, URLConnection"
                        + " client, http.maxConnections=" + System.getProperty("http.maxConnections") + ")"));
        out.append("Command: ").append(options.command()).append('\n');
        out.append("Machine: ").append(ColdStartBench.environmentDescription()).append("\n\n");
        out.append("| scenario | orders | ok | out-of-stock (409) | cart-busy (409) | txn conflicts retried | SDK retries"
                + " | DynamoDB calls / checkout | units / ok order | throughput (ok orders/s) | checkouts/s | p50 ms"
                + " | p99 ms | max ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        outcomes.forEach((scenario, o) -> {
            double seconds = o.wallNanos / 1e9;
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.2f | %.2f | %.0f | %.0f"
                            + " | %.2f | %.2f | %.2f |%n", scenario.label, o.orders, o.ok, o.outOfStock, o.cartBusy,
                    o.transactionConflicts, o.sdkRetries, (double) o.requests / o.orders,
                    o.ok == 0 ? 0 : (double) o.units / o.ok, o.ok / seconds, o.orders / seconds,
                    Stats.percentile(o.latenciesMillis, 0.5), Stats.percentile(o.latenciesMillis, 0.99),
                    Collections.max(o.latenciesMillis)));
        });
        Outcome free = outcomes.get(Scenario.NO_CONTENTION);
        Outcome hot = outcomes.get(Scenario.CONTENTION);
        out.append('\n').append(String.format(Locale.ROOT, "Contention / no contention: throughput %.2fx, p50 %.2fx,"
                        + " p99 %.2fx (orders of one line in both)%n",
                (hot.ok / (hot.wallNanos / 1e9)) / (free.ok / (free.wallNanos / 1e9)),
                Stats.percentile(hot.latenciesMillis, 0.5) / Stats.percentile(free.latenciesMillis, 0.5),
                Stats.percentile(hot.latenciesMillis, 0.99) / Stats.percentile(free.latenciesMillis, 0.99)));
        out.append("\nChecked after the run:\n");
        checks.forEach(check -> out.append("- ").append(check).append('\n'));
        out.append("\nmoto serves one request at a time, never answers TransactionConflict and has no per-partition or per-item"
                + " throughput limit, so the contention rows measure the local write path on one item, not the"
                + " service's behaviour under a hot key.\n");
        return out.toString();
    }
}
