package dev.storefront.bench;

import static dev.storefront.bench.harness.JsonHttp.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.bench.harness.Arguments;
import dev.storefront.bench.harness.BenchMain;
import dev.storefront.bench.harness.CommandLine;
import dev.storefront.bench.harness.JsonHttp;
import dev.storefront.bench.harness.JsonHttp.Response;
import dev.storefront.bench.harness.Percentiles;
import dev.storefront.bench.harness.Ratio;
import dev.storefront.bench.harness.RatioTable;
import dev.storefront.bench.harness.Report;
import dev.storefront.bench.harness.Table;
import dev.storefront.bench.harness.Workers;
import dev.storefront.local.LocalOptions;
import dev.storefront.local.LocalStorefront;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The payment benchmark: a real local stack ({@link LocalStorefront}: gateway, every function, moto,
 * Redis) started in-process with 1,000 seeded demo products, driven over HTTP on loopback.
 *
 * <ol>
 *   <li>journey: {@code --journeys} sequential shoppers, each signup, login, search, add to cart, quote,
 *       checkout, pay with {@code tok_visa}, wait for the shipment the orders stream creates (order
 *       FULFILLING), an admin records the carrier's scans up to DELIVERED, the shopper reads the shipment (after
 *       3 untimed warm-up journeys);</li>
 *   <li>payments under concurrency: {@code --orders} unpaid orders of different shoppers, prepared untimed, paid
 *       by {@code --threads} threads; next to a baseline of the same threads reading those orders with
 *       {@code GET /orders/{id}} (the same function stack, one DynamoDB read).</li>
 * </ol>
 *
 * <p>Afterwards every paid order must be paid (PAID, FULFILLING or DELIVERED) with one captured charge, and the simulated provider's charge
 * items in the payments table must number the successful payments.
 *
 * <p>Run with {@code ./storefront bench payment [--journeys N] [--orders N] [--threads N]} ({@code --help} tells
 * more).
 */
public final class PaymentBench {

    static final String PASSWORD = "correct horse battery staple";
    static final String ADMIN_EMAIL = "bench-admin@storefront.test";
    static final String ADMIN_PASSWORD = "bench admin password 123";
    static final int WARMUP_JOURNEYS = 3;
    static final List<String> WORDS = List.of("laptop", "headphones", "paperback", "knife", "wireless", "skillet");
    static final String[] JOURNEY_STEPS = {"signup", "login", "search", "add to cart", "quote", "checkout", "pay",
        "shipment created: order FULFILLING (polled every 20 ms)", "admin scan IN_TRANSIT", "admin scan OUT_FOR_DELIVERY",
        "admin scan DELIVERED", "read shipment and order (DELIVERED)"};
    /** Statuses a paid order may show: shipped journeys reach DELIVERED; other paid orders get their shipment. */
    static final List<String> PAID_STATUSES = List.of("PAID", "FULFILLING", "DELIVERED");

    static final CommandLine COMMAND_LINE = CommandLine.of("./storefront bench payment")
            .number("--journeys", 20, 1, "timed sequential journeys, signup to DELIVERED (after "
                    + WARMUP_JOURNEYS + " untimed)")
            .number("--orders", 400, 1, "unpaid orders paid (and read, as the baseline) under concurrency")
            .number("--threads", 8, 1, "threads paying or reading at once");

    /** Command-line options. */
    record Options(Path repo, int journeys, int orders, int threads, String command) {

        static Options of(Arguments args) {
            return new Options(args.repo(), args.integer("--journeys"), args.integer("--orders"),
                    args.integer("--threads"), args.command());
        }
    }

    record Shopper(String email, String authorization) {
    }

    record Unpaid(Shopper shopper, String orderId) {
    }

    /** The outcome of one concurrent phase: the calls answering another status than expected, and the first. */
    record Phase(Workers.Burst<Response> burst, int unexpected, String firstUnexpected) {

        int requests() {
            return burst.results().size();
        }

        Percentiles latency() {
            return Percentiles.of(burst.latenciesMillis());
        }
    }

    private final Options options;
    private final PrintStream log;
    private JsonHttp http;
    private Workers workers;
    /** Authorization of the admin who records carrier scans. */
    private String admin;
    /** Units left per in-stock product (from the products table before the run, decremented as carts are filled). */
    private final Map<String, AtomicInteger> stock = new LinkedHashMap<>();
    private final List<String> stockedIds = new ArrayList<>();
    private final AtomicInteger nextProduct = new AtomicInteger();
    private final AtomicInteger emails = new AtomicInteger();
    /** Every order paid with a 201, whichever phase. */
    private final Map<String, Shopper> paidOrders = Collections.synchronizedMap(new LinkedHashMap<>());

    PaymentBench(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public static void main(String[] args) {
        BenchMain.main("payment", args, COMMAND_LINE, Options::of, (options, log) -> new PaymentBench(options, log).run());
    }

    String run() {
        long t0 = System.nanoTime();
        LocalOptions localOptions = LocalOptions.builder(options.repo().resolve("template.yaml"))
                .port(0)
                .maxInstances(Math.max(4, options.threads()))
                .setting("STOREFRONT_SEED_PRODUCTS", "1000")
                .setting("STOREFRONT_ADMIN_EMAIL", ADMIN_EMAIL)
                .setting("STOREFRONT_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .build();
        try (LocalStorefront storefront = LocalStorefront.start(localOptions);
                JsonHttp client = new JsonHttp(storefront.baseUrl(), Math.max(4, options.threads()));
                Workers threads = new Workers(options.threads())) {
            http = client;
            workers = threads;
            log.printf(Locale.ROOT, "local stack up at %s in %.1f s%n", http.base(), (System.nanoTime() - t0) / 1e9);
            loadStock(storefront);
            awaitSearchIndex();
            admin = "Bearer " + http.post("/auth/login", object("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD),
                    null, null).expect(200, "admin login").field("accessToken");

            // 1. Journeys.
            log.printf(Locale.ROOT, "%d warm-up journeys, then %d timed journeys%n", WARMUP_JOURNEYS,
                    options.journeys());
            for (int i = 0; i < WARMUP_JOURNEYS; i++) {
                journey(i);
            }
            List<double[]> journeys = new ArrayList<>();
            for (int i = 0; i < options.journeys(); i++) {
                journeys.add(journey(WARMUP_JOURNEYS + i));
            }

            // 2. Unpaid orders (not timed): the warm-up ones first, to start every instance of the payment function.
            int warm = 2 * options.threads();
            log.printf(Locale.ROOT, "preparing %d + %d warm-up unpaid orders for different shoppers (not timed)%n",
                    options.orders(), warm);
            long p0 = System.nanoTime();
            List<Unpaid> warmOrders = prepare(warm);
            List<Unpaid> orders = prepare(options.orders());
            log.printf(Locale.ROOT, "prepared in %.1f s%n", (System.nanoTime() - p0) / 1e9);

            Phase warmRead = concurrent(warmOrders.size(), i -> readOrder(warmOrders.get(i)), 200);
            Phase warmPay = concurrent(warmOrders.size(), i -> pay(warmOrders.get(i)), 201);
            check(warmPay.unexpected() == 0, "warm-up payments failed: " + warmPay.firstUnexpected());
            check(warmRead.unexpected() == 0, "warm-up reads failed: " + warmRead.firstUnexpected());
            log.printf(Locale.ROOT, "GET /orders/{id} baseline: %d reads, %d threads%n", orders.size(),
                    options.threads());
            Phase reads = concurrent(orders.size(), i -> readOrder(orders.get(i)), 200);
            log.printf(Locale.ROOT, "POST /payments: %d payments, %d threads%n", orders.size(), options.threads());
            Phase payments = concurrent(orders.size(), i -> pay(orders.get(i)), 201);

            // 3. Checks.
            List<String> checks = verify(storefront, payments);
            return report(storefront, journeys, reads, payments, checks);
        }
    }

    // ---------------------------------------------------------------------------------------------- set-up

    private void loadStock(LocalStorefront storefront) {
        storefront.dynamoDb().scanPaginator(r -> r.tableName(storefront.tableNames().get("ProductsTable"))
                .consistentRead(true)).items().forEach(item -> {
                    AttributeValue pk = item.get("pk");
                    AttributeValue available = item.get("available");
                    if (pk != null && pk.s() != null && pk.s().startsWith("PRODUCT#") && available != null
                            && Integer.parseInt(available.n()) > 0
                            && (!item.containsKey("status") || "ACTIVE".equals(item.get("status").s()))) {
                        stock.put(pk.s().substring("PRODUCT#".length()),
                                new AtomicInteger(Integer.parseInt(available.n())));
                    }
                });
        stockedIds.addAll(stock.keySet());
        int units = stock.values().stream().mapToInt(AtomicInteger::get).sum();
        log.printf(Locale.ROOT, "%d products in stock, %d units%n", stock.size(), units);
        check(units >= options.orders() + options.journeys() + WARMUP_JOURNEYS + 2 * options.threads(),
                "not enough stock for the run: " + units + " units");
    }

    private void awaitSearchIndex() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Response found = get("/products?q=laptop&inStock=true", null);
            if (found.status() == 200 && found.json().path("items").size() > 0) {
                return;
            }
            check(System.nanoTime() < deadline, "search found nothing within 60 s: " + found);
            sleep(250);
        }
    }

    /** One unit of the next in-stock product (round robin), so no two orders in a row share a product. */
    private String takeAnyUnit() {
        for (int tries = 0; tries < stockedIds.size(); tries++) {
            String id = stockedIds.get(Math.floorMod(nextProduct.getAndIncrement(), stockedIds.size()));
            if (stock.get(id).getAndDecrement() > 0) {
                return id;
            }
        }
        throw new IllegalStateException("out of stock");
    }

    private Shopper newShopper() {
        String email = "bench-" + emails.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com";
        expect(post("/auth/signup", object("email", email, "password", PASSWORD, "name", "Bench Shopper"), null, null),
                201, "signup");
        Response login = expect(post("/auth/login", object("email", email, "password", PASSWORD), null, null), 200,
                "login");
        return new Shopper(email, "Bearer " + login.field("accessToken"));
    }

    private List<Unpaid> prepare(int count) {
        List<Unpaid> prepared = Collections.synchronizedList(new ArrayList<>());
        Phase phase = concurrent(count, i -> {
            Shopper shopper = newShopper();
            expect(post("/cart/items", object("productId", takeAnyUnit(), "quantity", 1), shopper.authorization(),
                    null), 200, "add to cart");
            Response placed = expect(post("/checkout", checkoutBody(), shopper.authorization(), key()), 201,
                    "checkout");
            prepared.add(new Unpaid(shopper, placed.field("orderId")));
            return placed;
        }, 201);
        check(phase.unexpected() == 0 && prepared.size() == count, "preparing orders failed: "
                + phase.firstUnexpected());
        return new ArrayList<>(prepared);
    }

    // ---------------------------------------------------------------------------------------------- journeys

    /** One full journey; the time of each step and (last) of the whole, in ms. */
    private double[] journey(int n) {
        double[] times = new double[JOURNEY_STEPS.length + 1];
        String email = "journey-" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long start = System.nanoTime();
        long t = start;

        expect(post("/auth/signup", object("email", email, "password", PASSWORD, "name", "Journey Shopper"), null, null),
                201, "signup");
        t = lap(times, 0, t);
        String auth = "Bearer " + expect(post("/auth/login", object("email", email, "password", PASSWORD), null, null),
                200, "login").field("accessToken");
        t = lap(times, 1, t);
        String word = WORDS.get(n % WORDS.size());
        JsonNode items = expect(get("/products?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)
                + "&inStock=true&limit=20", null), 200, "search").json().path("items");
        t = lap(times, 2, t);
        String productId = pickFrom(items);
        expect(post("/cart/items", object("productId", productId, "quantity", 1), auth, null), 200, "add to cart");
        t = lap(times, 3, t);
        expect(post("/checkout/quote", checkoutBody(), auth, null), 200, "quote");
        t = lap(times, 4, t);
        String orderId = expect(post("/checkout", checkoutBody(), auth, key()), 201, "checkout").field("orderId");
        t = lap(times, 5, t);
        Response paid = expect(post("/payments", payBody(orderId), auth, key()), 201, "pay");
        t = lap(times, 6, t);
        String shipmentId = awaitShipment(orderId, auth);
        t = lap(times, 7, t);
        String scans = "/admin/shipments/" + shipmentId + "/events";
        expect(post(scans, object("status", "IN_TRANSIT", "location", "Louisville, KY"), admin, null), 200, "scan");
        t = lap(times, 8, t);
        expect(post(scans, object("status", "OUT_FOR_DELIVERY", "location", "Arlington, VA"), admin, null), 200,
                "scan");
        t = lap(times, 9, t);
        expect(post(scans, object("status", "DELIVERED"), admin, null), 200, "scan");
        t = lap(times, 10, t);
        JsonNode shipment = expect(get("/orders/" + orderId + "/shipment", auth), 200, "read shipment").json();
        JsonNode order = expect(get("/orders/" + orderId, auth), 200, "read order").json();
        lap(times, 11, t);
        times[JOURNEY_STEPS.length] = (System.nanoTime() - start) / 1e6;

        check("DELIVERED".equals(order.path("status").asText()) && "DELIVERED".equals(shipment.path("status").asText())
                && shipment.path("events").size() == 4, "journey order not DELIVERED: " + order + " " + shipment);
        check(paid.field("paymentId").equals(order.path("payment").path("paymentId").asText()),
                "journey order shows another payment: " + order);
        paidOrders.put(orderId, new Shopper(email, auth));
        return times;
    }

    /** Polls the order until its shipment exists (FULFILLING); its shipment id. */
    private String awaitShipment(String orderId, String auth) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            JsonNode order = expect(get("/orders/" + orderId, auth), 200, "read order").json();
            if ("FULFILLING".equals(order.path("status").asText())) {
                return order.path("shipment").path("shipmentId").asText();
            }
            check(System.nanoTime() < deadline, "no shipment 30 s after payment: " + order);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A search hit with units left (counted down here); else any unit of the catalog. */
    private String pickFrom(JsonNode items) {
        for (JsonNode item : items) {
            AtomicInteger left = stock.get(item.path("productId").asText());
            if (left != null && left.getAndDecrement() > 0) {
                return item.path("productId").asText();
            }
        }
        return takeAnyUnit();
    }

    private static long lap(double[] times, int step, long since) {
        long now = System.nanoTime();
        times[step] = (now - since) / 1e6;
        return now;
    }

    // ---------------------------------------------------------------------------------------------- concurrency

    private Response pay(Unpaid unpaid) {
        Response paid = post("/payments", payBody(unpaid.orderId()), unpaid.shopper().authorization(), key());
        if (paid.status() == 201) {
            paidOrders.put(unpaid.orderId(), unpaid.shopper());
        }
        return paid;
    }

    private Response readOrder(Unpaid unpaid) {
        return get("/orders/" + unpaid.orderId(), unpaid.shopper().authorization());
    }

    /** Runs {@code count} calls from {@code --threads} threads released together; times each call. */
    private Phase concurrent(int count, IntFunction<Response> call, int expectedStatus) {
        Workers.Burst<Response> burst = workers.burst(count, i -> {
            try {
                return call.apply(i);
            } catch (RuntimeException e) {
                return new Response(-1, e.toString());
            }
        });
        List<Response> unexpected = burst.results().stream().filter(r -> r.status() != expectedStatus).toList();
        return new Phase(burst, unexpected.size(),
                unexpected.isEmpty() ? null : unexpected.get(0).status() + " " + unexpected.get(0).body());
    }

    // ---------------------------------------------------------------------------------------------- checks

    private List<String> verify(LocalStorefront storefront, Phase payments) {
        List<String> checks = new ArrayList<>();
        check(payments.unexpected() == 0, payments.unexpected() + " payments did not answer 201, the first: "
                + payments.firstUnexpected());
        Map<String, Shopper> paid;
        synchronized (paidOrders) {
            paid = new LinkedHashMap<>(paidOrders);
        }
        // Every paid order reads as PAID with a captured payment.
        for (Map.Entry<String, Shopper> entry : paid.entrySet()) {
            JsonNode order = expect(get("/orders/" + entry.getKey(), entry.getValue().authorization()), 200,
                    "read paid order").json();
            check(PAID_STATUSES.contains(order.path("status").asText()) && "CAPTURED".equals(
                    order.path("payment").path("status").asText()), "paid order not paid + CAPTURED: " + order);
        }
        checks.add("every one of the " + paid.size() + " paid orders (journeys, warm-up and timed) reads PAID, FULFILLING or"
                + " DELIVERED with a CAPTURED payment through GET /orders/{id}");

        // The provider's charge items and the stored payments, per order.
        Map<String, Integer> charges = new HashMap<>();
        Map<String, Integer> captured = new HashMap<>();
        Map<String, Integer> stored = new HashMap<>();
        int[] chargeItems = {0};
        storefront.dynamoDb().scanPaginator(r -> r.tableName(storefront.tableNames().get("PaymentsTable"))
                .consistentRead(true)).items().forEach(item -> {
                    String pk = item.get("pk").s();
                    String orderId = item.containsKey("orderId") ? item.get("orderId").s() : "";
                    if (pk.startsWith("SIM#pay-") && item.containsKey("kind") && "charge".equals(item.get("kind").s())) {
                        chargeItems[0]++;
                        charges.merge(orderId, 1, Integer::sum);
                        if (item.containsKey("providerPaymentId")) {
                            captured.merge(orderId, 1, Integer::sum);
                        }
                    } else if (pk.startsWith("PAYMENT#")) {
                        stored.merge(orderId, 1, Integer::sum);
                    }
                });
        for (String orderId : paid.keySet()) {
            check(captured.getOrDefault(orderId, 0) == 1, orderId + " has " + captured.getOrDefault(orderId, 0)
                    + " captured charges");
            check(stored.getOrDefault(orderId, 0) == 1, orderId + " has " + stored.getOrDefault(orderId, 0)
                    + " stored payments");
        }
        checks.add("each paid order has exactly one captured SIM#pay- charge and one PAYMENT# item");
        check(chargeItems[0] == paid.size(), chargeItems[0] + " SIM#pay- charge items for " + paid.size()
                + " successful payments");
        checks.add(String.format(Locale.ROOT, "SIM#pay- charge items (kind = charge) in the payments table = successful"
                + " payments: %d = %d (%d timed + %d warm-up + %d journeys incl. warm-up)", chargeItems[0], paid.size(),
                payments.requests() - payments.unexpected(), 2 * options.threads(), options.journeys() + WARMUP_JOURNEYS));
        return checks;
    }

    private static void check(boolean condition, String violation) {
        if (!condition) {
            throw new IllegalStateException("correctness check failed: " + violation);
        }
    }

    // ---------------------------------------------------------------------------------------------- report

    private String report(LocalStorefront storefront, List<double[]> journeys, Phase reads, Phase payments,
            List<String> checks) {
        Report report = new Report(String.format(Locale.ROOT, "Payment benchmark: the local stack (LocalStorefront"
                + " in-process: gateway, functions at most %d instances each, moto, Redis; %d seeded products), driven"
                + " over HTTP on loopback (java.net.http, HTTP/1.1)", storefront.options().maxInstances(), 1000),
                options.command());

        report.block(String.format(Locale.ROOT, "### Full journey, %d sequential shoppers after %d warm-up journeys",
                journeys.size(), WARMUP_JOURNEYS));
        report.block("The journey ends at DELIVERED: the shipment is created by the orders stream (polled by the local"
                + " gateway every 250 ms, as Lambda polls a stream) and the carrier's scans are recorded by an admin.");
        Table steps = Table.of("step", "p50 ms", "p99 ms", "max ms");
        for (int s = 0; s <= JOURNEY_STEPS.length; s++) {
            int step = s;
            List<Double> values = journeys.stream().map(t -> t[step]).toList();
            String name = s == JOURNEY_STEPS.length ? "**whole journey**" : (s + 1) + ". " + JOURNEY_STEPS[s]
                    + stepRoute(s);
            steps.row(name, Percentiles.of(values).cells(1));
        }
        report.table(steps);

        report.block(String.format(Locale.ROOT, "### %d orders of different shoppers, %d threads (orders prepared"
                + " beforehand, not timed; %d warm-up payments and reads first)", payments.requests(),
                options.threads(), 2 * options.threads()));
        Table requests = Table.of("request", "requests", "non-expected answers", "throughput (req/s)", "p50 ms",
                "p99 ms", "max ms");
        row(requests, "GET /orders/{id} (baseline, expect 200)", reads);
        row(requests, "POST /payments tok_visa (expect 201)", payments);
        report.table(requests);
        report.ratios(RatioTable.against("GET /orders/{id}", "throughput", "p50", "p99")
                .row("POST /payments", new Ratio("throughput", payments.burst().perSecond(), reads.burst().perSecond()),
                        new Ratio("p50", payments.latency().p50(), reads.latency().p50()),
                        new Ratio("p99", payments.latency().p99(), reads.latency().p99())));
        report.checks(checks);
        report.block("A CI build may share the CPU: moto, Redis, the gateway, the functions and the client"
                + " all run on this machine, so absolute figures are noisy; read the payment figures against the"
                + " GET baseline of the same run.");
        return report.text();
    }

    private static String stepRoute(int step) {
        return switch (step) {
            case 0 -> " (POST /auth/signup)";
            case 1 -> " (POST /auth/login)";
            case 2 -> " (GET /products?q=...)";
            case 3 -> " (POST /cart/items)";
            case 4 -> " (POST /checkout/quote)";
            case 5 -> " (POST /checkout)";
            case 6 -> " (POST /payments)";
            case 7 -> " (GET /orders/{id} until FULFILLING)";
            case 8, 9, 10 -> " (POST /admin/shipments/{id}/events)";
            default -> " (GET /orders/{id}/shipment, GET /orders/{id})";
        };
    }

    private static void row(Table table, String name, Phase phase) {
        table.row(name, phase.requests(), phase.unexpected(),
                String.format(Locale.ROOT, "%.0f", phase.burst().perSecond()), phase.latency().cells(1));
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    private static ObjectNode checkoutBody() {
        return object("shippingAddress", object("name", "Grace Hopper", "line1", "1 Navy Way", "city", "Arlington",
                "region", "VA", "postalCode", "22202", "country", "US"), "shippingMethod", "standard");
    }

    private static ObjectNode payBody(String orderId) {
        return object("orderId", orderId, "paymentMethod", object("token", "tok_visa"));
    }

    private static String key() {
        return "bench-" + UUID.randomUUID();
    }

    private Response post(String path, Object body, String authorization, String idempotencyKey) {
        return http.post(path, body, authorization, idempotencyKey);
    }

    private Response get(String path, String authorization) {
        return http.get(path, authorization);
    }

    private static Response expect(Response response, int status, String what) {
        return response.expect(status, what);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
