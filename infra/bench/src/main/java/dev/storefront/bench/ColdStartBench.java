package dev.storefront.bench;

import com.nimbusds.jose.jwk.ECKey;
import dev.storefront.auth.Argon2idPasswordHasher;
import dev.storefront.auth.JwtAccessTokenIssuer;
import dev.storefront.auth.SigningKeys;
import dev.storefront.bench.probe.FloorLoginHandler;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;
import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.IntrinsicResolver;
import dev.storefront.localcloud.LocalAttributes;
import dev.storefront.localcloud.LocalAwsClients;
import dev.storefront.localcloud.MotoServer;
import dev.storefront.localcloud.RedisServer;
import dev.storefront.localcloud.TemplateTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cold-start benchmark (issue #2): each variant of a function in a fresh JVM, from process start to the first
 * response, against moto (the local DynamoDB) over HTTP and a real Redis, next to a bare stream handler answering a constant,
 * in the same run. Variants and JVM modes are interleaved round-robin so that machine noise spreads evenly.
 *
 * <p>Run with {@code DDB_LOCAL_TELEMETRY=0}; the child JVMs get it too. Usage: {@link BenchOptions#USAGE}.
 */
public final class ColdStartBench {

    static final String FUNCTION = "AccountsFunction";
    static final String EVENTS = "events/accounts";
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
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
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            BenchReport report = run(options, System.err);
            System.out.println(report.text());
            System.out.println();
            System.out.println("Markdown (for docs/benchmarks.md):");
            System.out.println();
            System.out.println(report.markdown());
        } catch (RuntimeException e) {
            System.err.println("cold-start benchmark FAILED: " + e.getMessage());
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    /** Runs the benchmark, logging progress to {@code log}. */
    public static BenchReport run(BenchOptions options, PrintStream log) {
        return new ColdStartBench(options, log).run();
    }

    private BenchReport run() {
        Path repo = options.repo().toAbsolutePath();
        CloudFormationTemplate template = CloudFormationTemplate.load(repo.resolve("template.yaml"));
        CloudFormationTemplate.Resource function = template.resources().get(FUNCTION);
        if (function == null) {
            throw new IllegalStateException("template.yaml has no " + FUNCTION);
        }
        Path zip = template.baseDirectory().resolve(String.valueOf(function.properties().get("CodeUri")));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: build it with "
                    + "mvn -B -q -pl functions/accounts -am package -DskipTests");
        }
        String handler = String.valueOf(function.properties().get("Handler")).split("::")[0];

        Path work = createWorkDirectory();
        try (MotoServer dynamoDb = MotoServer.startInMemory();
                RedisServer redis = RedisServer.launch()) {
            Path packageRoot = unzip(zip, work.resolve("package"));
            Path probe = ProbeClasses.writeTo(work.resolve("probe"));
            List<Path> libs = jars(packageRoot.resolve("lib"));
            Path lambdaCore = libs.stream().filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-core-"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(zip + " has no aws-lambda-java-core"));

            ECKey signingKey = SigningKeys.generate();
            String publicJwks = SigningKeys.publicJwkSetJson(signingKey);
            IntrinsicResolver resolver = IntrinsicResolver.builder(template)
                    .region(REGION).accountId(ACCOUNT)
                    .parameter("JwtPublicJwks", publicJwks)
                    .attributes(new LocalAttributes(REGION, ACCOUNT, redis.port()))
                    .build();
            try (DynamoDbClient client = LocalAwsClients.dynamoDb(dynamoDb.endpoint())) {
                new TemplateTables(resolver).createAll(client);
            }

            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("STOREFRONT_REDIS_URL", redis.url());
            overrides.put("STOREFRONT_REDIS_CLUSTER", "false");
            overrides.put("STOREFRONT_REDIS_AUTH_SECRET_ARN", null);
            overrides.put("STOREFRONT_JWT_SIGNING_KEY_SECRET_ARN", null);
            overrides.put("STOREFRONT_JWT_PUBLIC_JWKS", publicJwks);
            overrides.put("STOREFRONT_JWT_SIGNING_JWK", signingKey.toJSONString());
            overrides.put("AWS_ENDPOINT_URL", dynamoDb.endpoint().toString());
            overrides.put("AWS_REGION", REGION);
            overrides.put("AWS_DEFAULT_REGION", REGION);
            overrides.put("AWS_ACCESS_KEY_ID", "local");
            overrides.put("AWS_SECRET_ACCESS_KEY", "local");
            Map<String, String> functionEnv = FunctionEnvironment.of(resolver, FUNCTION, overrides);
            Path envDir = FunctionEnvironment.writeDirectory(work.resolve("env-accounts"), functionEnv);

            List<Path> functionClassPath = new ArrayList<>(List.of(envDir, probe, packageRoot));
            functionClassPath.addAll(libs);
            // As Lambda tells an on-demand initialisation (no SnapStart hooks registered) and a SnapStart one.
            Map<String, String> childEnv = childEnvironment(functionEnv, "on-demand");
            Map<String, String> snapStartEnv = childEnvironment(functionEnv, "snap-start");
            Map<String, String> bareEnv = childEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "bare",
                    "AWS_REGION", REGION, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", functionEnv.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"),
                    "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"), "on-demand");

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
            return BenchReport.of(options, variants, results, environmentDescription());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (options.keep()) {
                log.println("work directory kept: " + work);
            } else {
                deleteRecursively(work);
            }
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

    /** The child's whole environment for an on-demand initialisation (see below). */
    static Map<String, String> childEnvironment(Map<String, String> functionEnv) {
        return childEnvironment(functionEnv, "on-demand");
    }

    /**
     * The child's whole environment: nothing of this process's but PATH, HOME and the locale.
     *
     * @param initializationType what Lambda sets as {@code AWS_LAMBDA_INITIALIZATION_TYPE}
     */
    static Map<String, String> childEnvironment(Map<String, String> functionEnv, String initializationType) {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("PATH", "HOME", "LANG", "TZ")) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", initializationType);
        env.putAll(functionEnv);
        return env;
    }

    static String environmentDescription() {
        return String.format("%d CPUs, %d MiB max heap of the bench JVM, %s %s (%s), %s %s",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.home"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static Path createWorkDirectory() {
        try {
            return Files.createTempDirectory("storefront-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        }
        return target;
    }

    private static List<Path> jars(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp directory: left for the OS to clean.
        }
    }
}
