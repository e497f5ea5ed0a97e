package dev.storefront.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.IntrinsicResolver;
import dev.storefront.localcloud.LocalAttributes;
import dev.storefront.localcloud.LocalAwsClients;
import dev.storefront.localcloud.MotoServer;
import dev.storefront.localcloud.RedisServer;
import dev.storefront.localcloud.TemplateTables;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The whole local stack of a template: the local DynamoDB (moto, unless another endpoint is given), Redis, the template's tables, the seeder, the
 * functions (each isolated in its own class loaders), stream and schedule event sources and the HTTP gateway.
 * Start it with {@link #start(LocalOptions)}; {@link #close()} stops everything, Redis process included.
 */
public final class LocalStorefront implements AutoCloseable {

    /** Account id used in ARNs and events. */
    public static final String ACCOUNT_ID = "123456789012";

    /** Stack name in resolved names: a function's name is {@code storefront-local-<name>}. */
    static final String STACK_NAME = "storefront-local";

    /** Read by the functions' logger: the name their readable lines give them (the name without the stack's). */
    private static final String LOG_LABEL = "STOREFRONT_LOG_LABEL";

    private static final System.Logger LOG = System.getLogger(LocalStorefront.class.getName());

    private final LocalOptions options;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private MotoServer dynamoDbServer;
    private URI dynamoDbEndpoint;
    private RedisServer redis;
    private DynamoDbClient dynamoDb;
    private Map<String, String> tableNames = Map.of();
    private FunctionRuntime runtime;
    private ScheduleRunner schedules;
    private LocalGateway gateway;
    private LocalApiDocs apiDocs;
    private List<String> bannerLines = List.of();
    private Duration startupTime;
    private boolean closed;

    private LocalStorefront(LocalOptions options) {
        this.options = options;
    }

    /** Starts the stack; on failure everything started so far is stopped again. */
    public static LocalStorefront start(LocalOptions options) {
        LocalStorefront stack = new LocalStorefront(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        } catch (Exception e) {
            stack.close();
            throw new IllegalStateException("Local stack failed to start: " + e.getMessage(), e);
        }
    }

    private void startAll() throws Exception {
        long start = System.nanoTime();
        String region = options.region();
        ObjectMapper mapper = new ObjectMapper();
        CloudFormationTemplate template = CloudFormationTemplate.load(options.template());

        var dataDir = options.dataDirectory();
        if (options.dynamoDbEndpoint() != null) {
            // Another DynamoDB (LocalStack): tables are created there, streams are polled there.
            dynamoDbEndpoint = options.dynamoDbEndpoint();
        } else {
            dynamoDbServer = MotoServer.start(0, dataDir == null ? null : dataDir.resolve("dynamodb").resolve("tables.json"));
            resources.add(dynamoDbServer);
            dynamoDbEndpoint = dynamoDbServer.endpoint();
        }
        redis = RedisServer.launch(0, dataDir == null ? null : dataDir.resolve("redis"), options.preferPathRedis());
        resources.add(redis);
        dynamoDb = LocalAwsClients.dynamoDb(dynamoDbEndpoint);
        resources.add(dynamoDb);
        SigningKeys keys = SigningKeys.loadOrCreate(dataDir);

        IntrinsicResolver resolver = resolver(template, keys, region);
        tableNames = new TemplateTables(resolver).createAll(dynamoDb);

        Map<String, String> overrides = localOverrides(keys, region);
        Map<String, String> shared = new LinkedHashMap<>(LocalEnvironment.globals(resolver));
        LocalEnvironment.apply(shared, overrides);
        LocalEnvironment.SECRETS.keySet().forEach(shared::remove);

        // Seeding and the functions' init (first instance of each) do not depend on each other: run them
        // side by side, and serve (and deliver stream records) only when both are done.
        SeedContext context = new SeedContext(dynamoDb, dynamoDbEndpoint, redis.url(), tableNames,
                shared, options.settings(), dataDir);
        CompletableFuture<Void> seeding = options.seeder() == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> seed(options.seeder(), context));

        List<FunctionDefinition> functions = TemplateFunctions.read(resolver);
        try {
            runtime = FunctionRuntime.start(functions,
                    f -> withLogLabel(f, LocalEnvironment.forFunction(f, overrides, region)),
                    options.maxInstances(), region, ACCOUNT_ID);
            resources.add(runtime);
        } finally {
            awaitSeeding(seeding);
        }
        bannerLines = context.bannerLines();

        startStreams(functions, mapper, region);
        List<ScheduleSource> scheduleSources = functions.stream().flatMap(f -> f.schedules().stream()).toList();
        schedules = new ScheduleRunner(scheduleSources, runtime, mapper, region, ACCOUNT_ID);
        resources.add(schedules);
        schedules.start();

        List<HttpRoute> routes = functions.stream().flatMap(f -> f.routes().stream()).toList();
        apiDocs = LocalApiDocs.of(LocalApiDocs.besideTemplate(options.template()), mapper).orElse(null);
        gateway = LocalGateway.start(options.port(), new RouteTable(routes), runtime, mapper, ACCOUNT_ID, apiDocs);
        resources.add(gateway);
        startupTime = Duration.ofNanos(System.nanoTime() - start);
    }

    private static void seed(LocalSeeder seeder, SeedContext context) {
        try {
            seeder.seed(context);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
        }
    }

    private static void awaitSeeding(CompletableFuture<Void> seeding) throws Exception {
        try {
            seeding.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private IntrinsicResolver resolver(CloudFormationTemplate template, SigningKeys keys, String region) {
        IntrinsicResolver.Builder builder = IntrinsicResolver.builder(template)
                .region(region).accountId(ACCOUNT_ID).stackName(STACK_NAME)
                .attributes(new LocalAttributes(region, ACCOUNT_ID, redis.port()));
        template.parameters().values().forEach(p -> {
            if (p.defaultValue() == null) {
                // Parameters without a default are deploy-time inputs; locally their variables are overridden.
                builder.parameter(p.name(), p.name().endsWith("Arn")
                        ? "arn:aws:secretsmanager:" + region + ":" + ACCOUNT_ID + ":secret:local-" + p.name() + "-000000"
                        : "local-" + p.name());
            }
        });
        if (template.parameters().containsKey("JwtPublicJwks")) {
            builder.parameter("JwtPublicJwks", keys.publicJwks());
        }
        builder.parameters(options.parameters());
        return builder.build();
    }

    private Map<String, String> localOverrides(SigningKeys keys, String region) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("AWS_ENDPOINT_URL", dynamoDbEndpoint.toString());
        overrides.put("AWS_ACCESS_KEY_ID", LocalAwsClients.LOCAL_CREDENTIAL);
        overrides.put("AWS_SECRET_ACCESS_KEY", LocalAwsClients.LOCAL_CREDENTIAL);
        overrides.put("AWS_REGION", region);
        overrides.put("AWS_DEFAULT_REGION", region);
        overrides.put("STOREFRONT_REDIS_URL", redis.url());
        overrides.put("STOREFRONT_REDIS_CLUSTER", "false");
        overrides.put("STOREFRONT_REDIS_AUTH_SECRET_ARN", null);
        overrides.put("STOREFRONT_JWT_PUBLIC_JWKS", keys.publicJwks());
        overrides.put(LocalEnvironment.SIGNING_JWK, keys.privateJwk());
        overrides.put(LocalEnvironment.CURSOR_KEY, keys.cursorKey());
        // Test-only simulated provider: a per-run secret; tests sign events with the function's value.
        overrides.put(LocalEnvironment.WEBHOOK_SECRET, "whsec-" + java.util.UUID.randomUUID());
        // One readable line per request or event on the console; Lambda's JSON lines (and EMF metrics) on request.
        overrides.put(LocalOptions.LOG_FORMAT, options.jsonLogs() ? "json" : "text");
        overrides.putAll(options.environmentOverrides());
        return Collections.unmodifiableMap(overrides);
    }

    private static Map<String, String> withLogLabel(FunctionDefinition function, Map<String, String> environment) {
        Map<String, String> labelled = new LinkedHashMap<>(environment);
        String name = function.functionName();
        labelled.putIfAbsent(LOG_LABEL, name.startsWith(STACK_NAME + "-") ? name.substring(STACK_NAME.length() + 1) : name);
        return labelled;
    }

    private void startStreams(List<FunctionDefinition> functions, ObjectMapper mapper, String region) {
        List<StreamSource> sources = functions.stream().flatMap(f -> f.streams().stream()).toList();
        if (sources.isEmpty()) {
            return;
        }
        DynamoDbStreamsClient streams = LocalAwsClients.dynamoDbStreams(dynamoDbEndpoint);
        resources.add(streams);
        for (StreamSource source : sources) {
            String table = tableNames.get(source.table());
            if (table == null) {
                throw new IllegalStateException(source.function() + "." + source.eventName() + ": "
                        + source.table() + " is not a DynamoDB table of the template");
            }
            StreamPoller poller = new StreamPoller(source, table, dynamoDb, streams, runtime, mapper, region);
            resources.add(poller);
            poller.start();
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return gateway.baseUrl();
    }

    public int port() {
        return gateway.port();
    }

    /** The API document the gateway serves as {@code /openapi.json} and {@code /docs}; empty when there is none. */
    public Optional<LocalApiDocs> apiDocs() {
        return Optional.ofNullable(apiDocs);
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    /** A client of the stack's DynamoDB, owned by the stack. */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** The Redis server; tests may {@link RedisServer#stop()} and {@link RedisServer#start()} it. */
    public RedisServer redis() {
        return redis;
    }

    /** Table names by logical id. */
    public Map<String, String> tableNames() {
        return tableNames;
    }

    /** The functions as read from the template. */
    public List<FunctionDefinition> functions() {
        return runtime.functions();
    }

    /** The environment resource a function sees. */
    public Map<String, String> environment(String functionLogicalId) {
        return runtime.environment(functionLogicalId);
    }

    /** How many instances of a function were created (cold starts). */
    public int instancesCreated(String functionLogicalId) {
        return runtime.instancesCreated(functionLogicalId);
    }

    /** Invokes a function directly with a JSON payload (like {@code sam local invoke}); returns its output. */
    public byte[] invoke(String functionLogicalId, byte[] payload) throws FunctionException {
        return runtime.invoke(functionLogicalId, payload, java.util.UUID.randomUUID().toString());
    }

    /**
     * Delivers one event of a function's schedule now.
     *
     * @param eventName the schedule's event name in the template, or null for the function's first schedule
     */
    public byte[] triggerSchedule(String functionLogicalId, String eventName) throws FunctionException {
        return schedules.trigger(functionLogicalId, eventName);
    }

    /** Lines the seeder added to the banner. */
    public List<String> bannerLines() {
        return bannerLines;
    }

    /** Time from {@link #start} to serving. */
    public Duration startupTime() {
        return startupTime;
    }

    public LocalOptions options() {
        return options;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Stopping " + resource.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
