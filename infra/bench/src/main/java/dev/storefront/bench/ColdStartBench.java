package dev.storefront.bench;

import com.nimbusds.jose.jwk.ECKey;
import dev.storefront.auth.Argon2idPasswordHasher;
import dev.storefront.auth.JwtAccessTokenIssuer;
import dev.storefront.auth.SigningKeys;
import dev.storefront.bench.harness.BenchMain;
import dev.storefront.bench.harness.FunctionEnvironment;
import dev.storefront.bench.harness.FunctionPackage;
import dev.storefront.bench.harness.LocalCloud;
import dev.storefront.bench.harness.Machine;
import dev.storefront.bench.probe.FloorLoginHandler;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cold-start benchmark (issue #2): each variant of a function in a fresh JVM, from process start to the first
 * response, against moto (the local DynamoDB) over HTTP and a real Redis, next to a bare stream handler answering a constant,
 * in the same run. Variants and JVM modes are interleaved round-robin so that machine noise spreads evenly.
 *
 * <p>Usage: {@code ./storefront bench coldstart --help} ({@link BenchOptions#COMMAND_LINE}).
 */
public final class ColdStartBench {

    static final String FUNCTION = "AccountsFunction";
    static final String EVENTS = "events/accounts";
    static final String SEED_EMAIL = "ada@example.com";
    static final String SEED_PASSWORD = "correct-horse-battery-staple";
    private static final Map<String, String> FLOOR_PARTS = Map.of("argon2", "Argon2id (no password check)",
            "redis", "Redis (no throttle)", "dynamodb", "DynamoDB (no lookups, no session)");
    static final double TARGET_RATIO = 17;
    static final double STRETCH_RATIO = 14;

    private static final Pattern USER_ID = Pattern.compile("userId\\\\?\"\\s*:\\s*\\\\?\"([^\"\\\\]+)");
    private static final Pattern BEARER = Pattern.compile("Bearer [A-Za-z0-9._~+/=-]+");

    private final BenchOptions options;
    private final PrintStream log;
    private final ProbeRunner runner = new ProbeRunner();
    private final AtomicInteger sequence = new AtomicInteger();

    ColdStartBench(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public static void main(String[] args) {
        BenchMain.main("cold-start", args, BenchOptions.COMMAND_LINE, BenchOptions::of, (options, log) -> {
            BenchReport report = run(options, log);
            return report.text() + "\n\nMarkdown (for docs/benchmarks.md):\n\n" + report.markdown();
        });
    }

    /** Runs the benchmark, logging progress to {@code log}. */
    public static BenchReport run(BenchOptions options, PrintStream log) {
        return new ColdStartBench(options, log).run();
    }

    private BenchReport run() {
        Path repo = options.repo().toAbsolutePath();
        try (LocalCloud cloud = LocalCloud.start(repo, true, options.keep(), log)) {
            Path work = cloud.work();
            FunctionPackage function = cloud.unpack(FUNCTION);
            String handler = function.handler();
            Path probe = ProbeClasses.writeTo(work.resolve("probe"));
            List<Path> libs = function.libs();
            Path lambdaCore = libs.stream().filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-core-"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(FUNCTION + " has no aws-lambda-java-core"));

            ECKey signingKey = cloud.signingKey();
            String publicJwks = SigningKeys.publicJwkSetJson(signingKey);
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("STOREFRONT_JWT_SIGNING_KEY_SECRET_ARN", null);
            overrides.put("STOREFRONT_JWT_PUBLIC_JWKS", publicJwks);
            overrides.put("STOREFRONT_JWT_SIGNING_JWK", signingKey.toJSONString());
            Map<String, String> functionEnv = cloud.functionEnvironment(FUNCTION, overrides);
            Path envDir = FunctionEnvironment.writeDirectory(work.resolve("env-accounts"), functionEnv);

            List<Path> functionClassPath = function.classPath(envDir, probe);
            // As Lambda tells an on-demand initialisation (no SnapStart hooks registered) and a SnapStart one.
            Map<String, String> childEnv = FunctionEnvironment.childProcess(functionEnv, "on-demand");
            Map<String, String> snapStartEnv = FunctionEnvironment.childProcess(functionEnv, "snap-start");
            Map<String, String> bareEnv = FunctionEnvironment.childProcess(Map.of("AWS_LAMBDA_FUNCTION_NAME", "bare",
                    "AWS_REGION", LocalCloud.REGION, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                    functionEnv.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
                    "on-demand");

            Path events = repo.resolve(EVENTS);
            Path perRun = Files.createDirectories(work.resolve("events"));
            Path responses = Files.createDirectories(work.resolve("responses"));

            if (!Files.readString(events.resolve("signup.json")).contains(SEED_PASSWORD)) {
                throw new IllegalStateException(EVENTS + "/signup.json no longer signs up with " + SEED_PASSWORD);
            }
            // Seed the user that login and /me use; not measured.
            log.println("seeding " + SEED_EMAIL + " through the function (not measured)");
            Path seedResponse = responses.resolve("seed.json");
            Measurement seed = runner.run(List.of(), functionClassPath, childEnv, handler, events.resolve("signup.json"),
                    seedResponse, false);
            if (seed.status() != 201) {
                throw new IllegalStateException("seed signup answered " + seed.status() + ProbeRunner.responseText(seedResponse));
            }
            String userId = userId(Files.readString(seedResponse));
            JwtAccessTokenIssuer issuer = new JwtAccessTokenIssuer(signingKey, functionEnv.get("STOREFRONT_JWT_ISSUER"),
                    functionEnv.get("STOREFRONT_JWT_AUDIENCE"));

            Map<String, Variant> all = new LinkedHashMap<>();
            all.put("bare", new Variant("bare", "bare RequestStreamHandler returning a constant",
                    ProbeClasses.BARE_HANDLER, List.of(probe, lambdaCore), bareEnv, 200,
                    run -> events.resolve("jwks.json")));
            all.put("login", new Variant("login", "accounts POST /auth/login", handler, functionClassPath, childEnv, 200,
                    run -> events.resolve("login.json")));
            // What a SnapStart restore sees, minus the restore itself: init, then the hooks (priming before the
            // checkpoint, re-opening after the restore), then the first request - the one timed as "first invoke".
            all.put("login-primed", new Variant("login-primed", "accounts POST /auth/login, primed in init (SnapStart)",
                    handler, functionClassPath, snapStartEnv, 200, run -> events.resolve("login.json"), true));
            String signup = Files.readString(events.resolve("signup.json"));
            if (!signup.contains(SEED_EMAIL)) {
                throw new IllegalStateException(EVENTS + "/signup.json no longer contains " + SEED_EMAIL);
            }
            all.put("signup", new Variant("signup", "accounts POST /auth/signup (new email each run)", handler,
                    functionClassPath, childEnv, 201, run -> Files.writeString(perRun.resolve("signup-" + run + ".json"),
                            signup.replace(SEED_EMAIL, "bench-" + run + "-" + UUID.randomUUID().toString().substring(0, 8)
                                    + "@example.com"))));
            all.put("jwks", new Variant("jwks", "accounts GET /.well-known/jwks.json (no I/O)", handler,
                    functionClassPath, childEnv, 200, run -> events.resolve("jwks.json")));
            String me = Files.readString(events.resolve("me.json"));
            all.put("me", new Variant("me", "accounts GET /me (token minted by the bench)", handler, functionClassPath,
                    childEnv, 200, run -> Files.writeString(perRun.resolve("me-" + run + ".json"),
                            BEARER.matcher(me).replaceFirst(Matcher.quoteReplacement("Bearer "
                                    + issuer.issue(new Principal(userId, Set.of(Role.SHOPPER))))))));

            // The floor: the login's own work with the same libraries and no framework (FloorLoginHandler), then
            // without one part at a time, to attribute it. Same package, same class path, the seeded user.
            Map<String, String> floorEnv = new LinkedHashMap<>(childEnv);
            floorEnv.put(FloorLoginHandler.PASSWORD_HASH, new Argon2idPasswordHasher().hash(SEED_PASSWORD));
            for (String part : List.of("", "argon2", "redis", "dynamodb")) {
                Map<String, String> env = new LinkedHashMap<>(floorEnv);
                env.put(FloorLoginHandler.WITHOUT, part);
                String name = part.isEmpty() ? "floor" : "floor-no-" + part;
                String description = part.isEmpty()
                        ? "floor: the login's work, same libraries, no framework"
                        : "floor without " + FLOOR_PARTS.get(part);
                all.put(name, new Variant(name, description, ProbeClasses.FLOOR_HANDLER, functionClassPath,
                        Map.copyOf(env), 200, run -> events.resolve("login.json")));
            }

            List<Variant> variants = options.variants().stream().map(all::get).toList();
            Map<String, List<Measurement>> results = measure(variants, responses);
            return BenchReport.of(options, variants, results, Machine.description());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, List<Measurement>> measure(List<Variant> variants, Path responses) throws IOException {
        Map<String, List<Measurement>> results = new LinkedHashMap<>();
        int rounds = options.warmups() + options.runs();
        int slots = variants.size() * options.modes().size();
        for (int round = 0; round < rounds; round++) {
            boolean warmup = round < options.warmups();
            // Rotate the starting point each round, so that no variant always follows the same neighbour.
            for (int i = 0; i < slots; i++) {
                int slot = (i + round) % slots;
                JvmMode mode = options.modes().get(slot / variants.size());
                Variant variant = variants.get(slot % variants.size());
                String runId = String.format("%s-%s-%03d", variant.name(), mode.name(), sequence.incrementAndGet());
                Path response = responses.resolve(runId + ".json");
                Measurement m = runner.run(mode.flagsFor(variant.name()), variant.classPath(), variant.environment(),
                        variant.handler(), variant.events().next(runId), response, variant.primed());
                if (m.status() != variant.expectedStatus()) {
                    throw new IllegalStateException(variant.name() + " [" + mode.name() + "] answered " + m.status()
                            + ", expected " + variant.expectedStatus() + ProbeRunner.responseText(response));
                }
                log.printf("%s %-12s %-8s %8.1f ms %6d classes (main +%d, init %d%s, invoke %.1f ms; cpu %.0f ms)%n",
                        warmup ? "warm-up " : "round " + (round - options.warmups() + 1), variant.name(), mode.name(),
                        m.wallMillis(), m.loadedClasses(), m.jvmToMainMillis(), m.initMillis(),
                        variant.primed() ? String.format(" incl. priming %.0f", m.primeMillis()) : "",
                        m.firstInvokeMillis(), m.cpuMillis());
                if (!warmup) {
                    results.computeIfAbsent(BenchReport.key(variant.name(), mode), k -> new ArrayList<>()).add(m);
                }
            }
        }
        return results;
    }

    static String userId(String signupResponse) {
        Matcher matcher = USER_ID.matcher(signupResponse);
        if (!matcher.find()) {
            throw new IllegalStateException("no userId in the signup response: " + signupResponse);
        }
        return matcher.group(1);
    }
}
