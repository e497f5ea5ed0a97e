package dev.storefront.bench;

import dev.storefront.bench.harness.Arguments;
import dev.storefront.bench.harness.BenchMain;
import dev.storefront.bench.harness.CommandLine;
import dev.storefront.bench.harness.LocalCloud;
import dev.storefront.bench.harness.Percentiles;
import dev.storefront.bench.harness.Ratio;
import dev.storefront.bench.harness.RatioTable;
import dev.storefront.bench.harness.Report;
import dev.storefront.bench.harness.Table;
import dev.storefront.bench.harness.Workers;
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
import dev.storefront.localcloud.LocalAwsClients;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
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
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

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
 * <p>Run with {@code ./storefront bench checkout [--orders N] [--threads N] [--rounds N] [--seed N]}
 * ({@code --help} tells more).
 */
public final class CheckoutBench {

    static final int CATALOG_PRODUCTS = 1000;
    static final int PLENTY = ProductRules.AVAILABLE_MAX;
    static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "12 Analytical Row", null,
            "Springfield", "IL", "62704", "US");
    static final Duration RESERVATION = Duration.ofMinutes(15);
    static final String CURRENCY = "USD";

    static final CommandLine COMMAND_LINE = CommandLine.of("./storefront bench checkout")
            .number("--orders", 2000, 2, "orders per scenario, split over the rounds")
            .number("--threads", 8, 1, "threads checking out at once")
            .number("--rounds", 4, 1, "interleaved rounds of the three scenarios")
            .number("--seed", 42, "seed of the catalog, the carts and the hot products");

    /** Command-line options. */
    record Options(Path repo, int orders, int threads, int rounds, long seed, String command) {

        static Options of(Arguments args) {
            Options options = new Options(args.repo(), args.integer("--orders"), args.integer("--threads"),
                    args.integer("--rounds"), args.number("--seed"), args.command());
            Arguments.require(options.orders() >= 2 * options.rounds(), "--orders must be at least 2 x --rounds ("
                    + 2 * options.rounds() + "), not " + options.orders());
            return options;
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

        /** Successful orders per second. */
        double throughput() {
            return ok / (wallNanos / 1e9);
        }
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
        BenchMain.main("checkout", args, COMMAND_LINE, Options::of, (options, log) -> {
            // The JDK keeps at most 5 idle keep-alive connections per host by default: with more threads than that,
            // the URLConnection client would open a new connection for some requests and time TCP set-up, not
            // checkout. Set before any connection opens: the JDK reads it once.
            if (System.getProperty("http.maxConnections") == null) {
                System.setProperty("http.maxConnections", Integer.toString(Math.max(5, 2 * options.threads())));
            }
            return new CheckoutBench(options, log).run();
        });
    }

    String run() {
        try (LocalCloud cloud = LocalCloud.start(options.repo(), false, false, log);
                DynamoDbClient client = client(cloud.dynamoDbEndpoint());
                Workers threads = new Workers(options.threads())) {
            Map<String, String> tables = cloud.tables();
            String productsTable = tables.get("ProductsTable");
            String cartsTable = tables.get("CartsTable");
            String ordersTable = tables.get("OrdersTable");
            DynamoDbProductRepository products =
                    new DynamoDbProductRepository(DynamoDbClientFactory.enhanced(client), productsTable);
            DynamoDbCartRepository carts =
                    new DynamoDbCartRepository(DynamoDbClientFactory.enhanced(client), cartsTable);
            CheckoutService checkout = new CheckoutService(carts, products,
                    new DynamoDbOrderRepository(DynamoDbClientFactory.enhanced(client), ordersTable, productsTable,
                            cartsTable),
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
            storeCarts(carts, batches, threads);
            log.printf(Locale.ROOT, "catalog of %d products and %d carts stored in %.1f s (not timed)%n",
                    CATALOG_PRODUCTS, cartsByShopper.size(), (System.nanoTime() - cartStart) / 1e9);

            Map<Scenario, Outcome> outcomes = new LinkedHashMap<>();
            for (Scenario scenario : Scenario.values()) {
                outcomes.put(scenario, new Outcome());
            }
            Outcome warmup = new Outcome();
            for (Batch batch : batches) {
                Outcome outcome = batch.warmup() ? warmup : outcomes.get(batch.scenario());
                log.printf(Locale.ROOT, "%s%s: %d checkouts%n", batch.warmup() ? "warm-up, " : "",
                        batch.scenario().label, batch.shoppers().size());
                runBatch(checkout, threads, batch, outcome);
            }

            List<String> checks = verify(cloud, products, batches, initialStock, warmup, outcomes);
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
    private void storeCarts(DynamoDbCartRepository carts, List<Batch> batches, Workers threads) {
        List<String> shoppers = new ArrayList<>();
        batches.forEach(batch -> shoppers.addAll(batch.shoppers()));
        threads.burst(shoppers.size(), i -> {
            String shopper = shoppers.get(i);
            carts.save(new Cart(shopper, cartsByShopper.get(shopper), 0, Instant.now()));
            return null;
        });
    }

    /** Runs the batch's checkouts from all threads at once and adds what they gave to {@code outcome}. */
    private void runBatch(CheckoutService checkout, Workers threads, Batch batch, Outcome outcome) {
        int n = batch.shoppers().size();
        long[] before = counter.snapshot();
        // 0 ok, 1 out-of-stock, 2 cart-busy, 3 other
        Workers.Burst<Integer> burst = threads.burst(n, i -> {
            String shopper = batch.shoppers().get(i);
            try {
                placed.put(shopper, checkout.checkout(shopper, ADDRESS, "standard"));
                return 0;
            } catch (ConflictException e) {
                return switch (e.type()) {
                    case "out-of-stock" -> 1;
                    case "cart-busy" -> 2;
                    default -> otherError(e);
                };
            } catch (RuntimeException e) {
                return otherError(e);
            }
        });
        long[] after = counter.snapshot();

        outcome.wallNanos += burst.wallNanos();
        outcome.orders += n;
        outcome.requests += after[0] - before[0];
        outcome.sdkRetries += (after[1] - before[1]) - (after[0] - before[0]);
        outcome.transactionConflicts += after[2] - before[2];
        outcome.latenciesMillis.addAll(burst.latenciesMillis());
        for (int i = 0; i < n; i++) {
            switch (burst.results().get(i)) {
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

    /**
     * Checks the run against the tables; throws on any violation.
     *
     * @return the checks that held, for the report
     */
    private List<String> verify(LocalCloud cloud, DynamoDbProductRepository products, List<Batch> batches,
            Map<String, Integer> initialStock, Outcome warmup, Map<Scenario, Outcome> outcomes) {
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
        long storedOrders = cloud.count("OrdersTable");
        check(storedOrders == okTotal, storedOrders + " orders stored for " + okTotal + " successful checkouts");
        long storedCarts = cloud.count("CartsTable");
        long unplaced = cartsByShopper.size() - okTotal;
        check(storedCarts == unplaced, storedCarts + " carts left but " + unplaced + " shoppers were refused");
        checks.add("orders stored = successful checkouts: " + storedOrders + "; carts left = refused shoppers: "
                + storedCarts);

        // Every stock level the products table ever held, from its stream.
        int[] stream = lowestStockInStream(cloud.streamRecords("ProductsTable"));
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

    /**
     * Of every record of the products table's stream: the lowest {@code available} of any product image, and the
     * number of modifications of a product's stock.
     */
    private static int[] lowestStockInStream(List<Record> records) {
        int lowest = Integer.MAX_VALUE;
        int stockChanges = 0;
        for (Record record : records) {
            Map<String, AttributeValue> image = record.dynamodb().newImage();
            if (image == null || !image.containsKey("available") || !image.get("pk").s().startsWith("PRODUCT#")) {
                continue;
            }
            lowest = Math.min(lowest, Integer.parseInt(image.get("available").n()));
            // An insert has no old image (the SDK answers an empty map, not null).
            Map<String, AttributeValue> old = record.dynamodb().oldImage();
            if (record.dynamodb().hasOldImage() && !image.get("available").equals(old.get("available"))) {
                stockChanges++;
            }
        }
        return new int[] {lowest, stockChanges};
    }

    private String report(Map<Scenario, Outcome> outcomes, Outcome warmup, List<String> checks) {
        Report report = new Report(String.format(Locale.ROOT, "Checkout benchmark: %d orders per scenario, %d threads,"
                + " %d interleaved rounds after a warm-up of %d checkouts; CheckoutService with the DynamoDB adapters,"
                + " in-process against moto (HTTP on loopback, URLConnection client, http.maxConnections=%s)",
                options.orders(), options.threads(), options.rounds(), warmup.orders,
                System.getProperty("http.maxConnections")), options.command());
        Table table = Table.of("scenario", "orders", "ok", "out-of-stock (409)", "cart-busy (409)",
                "txn conflicts retried", "SDK retries", "DynamoDB calls / checkout", "units / ok order",
                "throughput (ok orders/s)", "checkouts/s", "p50 ms", "p99 ms", "max ms");
        outcomes.forEach((scenario, o) -> table.row(scenario.label, o.orders, o.ok, o.outOfStock, o.cartBusy,
                o.transactionConflicts, o.sdkRetries, decimals(2, (double) o.requests / o.orders),
                decimals(2, o.ok == 0 ? 0 : (double) o.units / o.ok), decimals(0, o.throughput()),
                decimals(0, o.orders / (o.wallNanos / 1e9)), Percentiles.of(o.latenciesMillis).cells(2)));
        report.table(table);

        Outcome free = outcomes.get(Scenario.NO_CONTENTION);
        Outcome hot = outcomes.get(Scenario.CONTENTION);
        Percentiles freeLatency = Percentiles.of(free.latenciesMillis);
        Percentiles hotLatency = Percentiles.of(hot.latenciesMillis);
        report.ratios(RatioTable.against("no contention", "throughput", "p50", "p99")
                .row("contention (orders of one line in both)", new Ratio("throughput", hot.throughput(),
                        free.throughput()), new Ratio("p50", hotLatency.p50(), freeLatency.p50()),
                        new Ratio("p99", hotLatency.p99(), freeLatency.p99())));
        report.checks(checks);
        report.block("moto serves one request at a time, never answers TransactionConflict and has no per-partition or"
                + " per-item throughput limit, so the contention rows measure the local write path on one item, not the"
                + " service's behaviour under a hot key.");
        return report.text();
    }

    private static String decimals(int decimals, double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
