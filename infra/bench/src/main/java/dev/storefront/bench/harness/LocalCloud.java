package dev.storefront.bench.harness;

import com.nimbusds.jose.jwk.ECKey;
import dev.storefront.auth.SigningKeys;
import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.IntrinsicResolver;
import dev.storefront.localcloud.LocalAttributes;
import dev.storefront.localcloud.LocalAwsClients;
import dev.storefront.localcloud.MotoServer;
import dev.storefront.localcloud.RedisServer;
import dev.storefront.localcloud.TemplateTables;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What a bench runs against, on loopback: moto (the local DynamoDB) with every table of template.yaml, a Redis
 * server if asked for, the template resolved for local (region, account, a fresh signing key's JWKS, cache
 * endpoints at the local Redis) and a work directory. Closing stops the servers and deletes the work directory
 * unless it is to be kept.
 */
public final class LocalCloud implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";

    private final CloudFormationTemplate template;
    private final MotoServer moto;
    private final RedisServer redis;
    private final DynamoDbClient dynamoDb;
    private final ECKey signingKey;
    private final IntrinsicResolver resolver;
    private final Map<String, String> tables;
    private final boolean keepWork;
    private final PrintStream log;
    private Path work;

    private LocalCloud(Path repo, boolean withRedis, boolean keepWork, PrintStream log) {
        this.template = CloudFormationTemplate.load(repo.resolve("template.yaml"));
        this.keepWork = keepWork;
        this.log = log;
        this.moto = MotoServer.startInMemory();
        RedisServer startedRedis = null;
        DynamoDbClient client = null;
        try {
            startedRedis = withRedis ? RedisServer.launch() : null;
            client = LocalAwsClients.dynamoDb(moto.endpoint());
            this.signingKey = SigningKeys.generate();
            this.resolver = IntrinsicResolver.builder(template).region(REGION).accountId(ACCOUNT)
                    .parameter("JwtPublicJwks", SigningKeys.publicJwkSetJson(signingKey))
                    .attributes(new LocalAttributes(REGION, ACCOUNT, startedRedis == null ? 0 : startedRedis.port()))
                    .build();
            this.tables = Map.copyOf(new TemplateTables(resolver).createAll(client));
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            if (startedRedis != null) {
                startedRedis.close();
            }
            moto.close();
            throw e;
        }
        this.redis = startedRedis;
        this.dynamoDb = client;
    }

    /**
     * @param repo     the repository root (template.yaml, the function zips)
     * @param withRedis start a Redis server too
     * @param keepWork keep the work directory after {@link #close()} (its path is logged)
     */
    public static LocalCloud start(Path repo, boolean withRedis, boolean keepWork, PrintStream log) {
        return new LocalCloud(repo, withRedis, keepWork, log);
    }

    public CloudFormationTemplate template() {
        return template;
    }

    public IntrinsicResolver resolver() {
        return resolver;
    }

    public URI dynamoDbEndpoint() {
        return moto.endpoint();
    }

    /** A client of the local DynamoDB (closed with this). */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** The Redis server; fails when started without one. */
    public RedisServer redis() {
        if (redis == null) {
            throw new IllegalStateException("started without Redis");
        }
        return redis;
    }

    /** The table name of each table's logical id. */
    public Map<String, String> tables() {
        return tables;
    }

    /** The EC P-256 key whose public JWKS the template got as {@code JwtPublicJwks}. */
    public ECKey signingKey() {
        return signingKey;
    }

    /** A temporary directory for this run, made on first use. */
    public synchronized Path work() {
        if (work == null) {
            try {
                work = Files.createTempDirectory("storefront-bench-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return work;
    }

    /** The function's zip, unpacked into the work directory. */
    public FunctionPackage unpack(String logicalId) {
        return FunctionPackage.unpack(template, logicalId, work().resolve("package-" + logicalId));
    }

    /**
     * The function's environment as the local gateway builds it ({@link FunctionEnvironment#of}) pointed at this
     * cloud: the local DynamoDB endpoint, region and dummy credentials, the local Redis (no cluster, no auth
     * secret), then {@code overrides} (a null value removes a variable).
     */
    public Map<String, String> functionEnvironment(String logicalId, Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>();
        if (redis != null) {
            all.put("STOREFRONT_REDIS_URL", redis.url());
            all.put("STOREFRONT_REDIS_CLUSTER", "false");
            all.put("STOREFRONT_REDIS_AUTH_SECRET_ARN", null);
        }
        all.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        all.put("AWS_REGION", REGION);
        all.put("AWS_DEFAULT_REGION", REGION);
        all.put("AWS_ACCESS_KEY_ID", LocalAwsClients.LOCAL_CREDENTIAL);
        all.put("AWS_SECRET_ACCESS_KEY", LocalAwsClients.LOCAL_CREDENTIAL);
        all.putAll(overrides);
        return FunctionEnvironment.of(resolver, logicalId, all);
    }

    /** The items of a table ({@code logicalId}), counted by a consistent Scan. */
    public long count(String logicalId) {
        String table = table(logicalId);
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(b -> {
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

    /** Every record of a table's ({@code logicalId}) stream so far, shard by shard, oldest first. */
    public List<Record> streamRecords(String logicalId) {
        String arn = dynamoDb.describeTable(b -> b.tableName(table(logicalId))).table().latestStreamArn();
        List<Record> records = new ArrayList<>();
        try (DynamoDbStreamsClient streams = LocalAwsClients.dynamoDbStreams(moto.endpoint())) {
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
                    records.addAll(page.records());
                    iterator = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            }
        }
        return records;
    }

    private String table(String logicalId) {
        String table = tables.get(logicalId);
        if (table == null) {
            throw new IllegalArgumentException("template.yaml has no table " + logicalId);
        }
        return table;
    }

    @Override
    public void close() {
        try {
            dynamoDb.close();
            if (redis != null) {
                redis.close();
            }
        } finally {
            moto.close();
            Path directory;
            synchronized (this) {
                directory = work;
            }
            if (directory != null) {
                if (keepWork) {
                    log.println("work directory kept: " + directory);
                } else {
                    deleteRecursively(directory);
                }
            }
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
