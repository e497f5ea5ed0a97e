package dev.storefront.dynamodb;

import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.IntrinsicResolver;
import dev.storefront.localcloud.LocalAwsClients;
import dev.storefront.localcloud.MotoServer;
import dev.storefront.localcloud.TemplateTables;
import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every table of the project's template.yaml on a DynamoDB the integration tests of this module share: moto, a
 * child process on 127.0.0.1 ({@link #get()}), or LocalStack in a container ({@link #localStack()}, where Docker
 * is available). The {@code *IT} classes take their tables from an overridable {@code tables()},
 * and each {@code *LocalStackIT} runs the same tests again on LocalStack.
 */
final class LocalTables {

    /** The LocalStack image the tests run against (DynamoDB and its streams). */
    static final String LOCALSTACK_IMAGE = "localstack/localstack:4.4";

    private static LocalTables moto;
    private static LocalTables localStack;

    final DynamoDbClient client;
    final DynamoDbEnhancedClient enhanced;
    final Map<String, String> tableNames;

    private LocalTables(DynamoDbClient client) {
        this.client = client;
        this.enhanced = DynamoDbClientFactory.enhanced(client);
        CloudFormationTemplate template = CloudFormationTemplate.load(Path.of("../../template.yaml"));
        this.tableNames = new TemplateTables(IntrinsicResolver.builder(template).build()).createAll(client);
    }

    /** moto, as a child process, started on first use and stopped when the JVM exits. */
    static synchronized LocalTables get() {
        if (moto == null) {
            MotoServer server = MotoServer.startInMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            moto = new LocalTables(LocalAwsClients.dynamoDb(server.endpoint()));
        }
        return moto;
    }

    /**
     * LocalStack's DynamoDB in a container, started on first use (Testcontainers' Ryuk removes it when the JVM
     * exits). Its usage events are switched off: nothing leaves this machine but the image pull.
     */
    static synchronized LocalTables localStack() {
        if (localStack == null) {
            @SuppressWarnings("resource") // one container for the JVM, removed by Ryuk
            LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE))
                    .withServices(LocalStackContainer.Service.DYNAMODB)
                    .withEnv("DISABLE_EVENTS", "1")
                    // LocalStack's DynamoDB engine sends no usage data.
                    .withEnv("DDB_LOCAL_TELEMETRY", "0");
            container.start();
            Map<String, String> env = Map.of(
                    "AWS_REGION", container.getRegion(),
                    "AWS_ENDPOINT_URL", container.getEndpoint().toString(),
                    "AWS_ACCESS_KEY_ID", container.getAccessKey(),
                    "AWS_SECRET_ACCESS_KEY", container.getSecretKey());
            localStack = new LocalTables(DynamoDbClientFactory.dynamoDb(env, DynamoDbClientFactory.httpClient()));
        }
        return localStack;
    }

    String table(String logicalId) {
        String name = tableNames.get(logicalId);
        if (name == null) {
            throw new IllegalStateException("template.yaml has no table " + logicalId);
        }
        return name;
    }
}
