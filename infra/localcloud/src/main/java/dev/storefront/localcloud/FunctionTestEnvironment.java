package dev.storefront.localcloud;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * What a function's handler-level integration test needs to call {@code handleRequest} as Lambda would:
 * the JVM's shared local DynamoDB ({@link MotoServer#shared()}, emptied first) with every table of
 * {@code template.yaml}, a real Redis server, and the
 * function's environment written as the classpath resource that {@code LambdaEnvironment} reads (the same
 * mechanism the local gateway uses), so that the handler's no-arg constructor finds it.
 */
public final class FunctionTestEnvironment implements AutoCloseable {

    /** Name of the classpath resource holding a function's environment (see {@code LambdaEnvironment}). */
    public static final String ENVIRONMENT_RESOURCE = "storefront-lambda-env.properties";

    private final MotoServer dynamoDb;
    private final RedisServer redis;
    private final Path environmentFile;

    private FunctionTestEnvironment(MotoServer dynamoDb, RedisServer redis, Path environmentFile) {
        this.dynamoDb = dynamoDb;
        this.redis = redis;
        this.environmentFile = environmentFile;
    }

    /**
     * Starts the services and writes the environment next to the test's classes.
     *
     * @param template the project's template.yaml
     * @param testClass a class of the test's output directory (where the resource is written)
     * @param variables the function's own variables (tables, JWT settings...); the local endpoint, region,
     *     dummy credentials and Redis URL are added
     */
    public static FunctionTestEnvironment start(Path template, Class<?> testClass, Map<String, String> variables) {
        MotoServer dynamoDb = MotoServer.shared();
        RedisServer redis = null;
        try {
            dynamoDb.reset();
            redis = RedisServer.launch();
            new TemplateTables(IntrinsicResolver.builder(CloudFormationTemplate.load(template)).build())
                    .createAll(LocalAwsClients.dynamoDb(dynamoDb.endpoint()));
            Properties environment = new Properties();
            environment.setProperty("STOREFRONT_REDIS_URL", redis.url());
            environment.setProperty("AWS_ENDPOINT_URL", dynamoDb.endpoint().toString());
            environment.setProperty("AWS_REGION", "us-east-1");
            environment.setProperty("AWS_ACCESS_KEY_ID", LocalAwsClients.LOCAL_CREDENTIAL);
            environment.setProperty("AWS_SECRET_ACCESS_KEY", LocalAwsClients.LOCAL_CREDENTIAL);
            variables.forEach(environment::setProperty);
            Path classes = Path.of(testClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path file = classes.resolve(ENVIRONMENT_RESOURCE);
            try (OutputStream out = Files.newOutputStream(file)) {
                environment.store(out, testClass.getSimpleName());
            }
            return new FunctionTestEnvironment(dynamoDb, redis, file);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            if (redis != null) {
                redis.close();
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    public MotoServer dynamoDb() {
        return dynamoDb;
    }

    public RedisServer redis() {
        return redis;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(environmentFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            redis.close();
        }
    }
}
