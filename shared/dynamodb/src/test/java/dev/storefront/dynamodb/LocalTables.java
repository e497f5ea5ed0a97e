package dev.storefront.dynamodb;

import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.DynamoDbLocalServer;
import dev.storefront.localcloud.IntrinsicResolver;
import dev.storefront.localcloud.LocalAwsClients;
import dev.storefront.localcloud.TemplateTables;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local (in-process, telemetry disabled) with every table of the project's template.yaml,
 * shared by the integration tests of this module.
 */
final class LocalTables {

    private static LocalTables instance;

    final DynamoDbLocalServer server;
    final DynamoDbClient client;
    final DynamoDbEnhancedClient enhanced;
    final Map<String, String> tableNames;

    private LocalTables() {
        server = DynamoDbLocalServer.startInMemory();
        client = LocalAwsClients.dynamoDb(server.endpoint());
        enhanced = DynamoDbClientFactory.enhanced(client);
        CloudFormationTemplate template = CloudFormationTemplate.load(Path.of("../../template.yaml"));
        tableNames = new TemplateTables(IntrinsicResolver.builder(template).build()).createAll(client);
    }

    static synchronized LocalTables get() {
        if (instance == null) {
            instance = new LocalTables();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.server::close));
        }
        return instance;
    }

    String table(String logicalId) {
        String name = tableNames.get(logicalId);
        if (name == null) {
            throw new IllegalStateException("template.yaml has no table " + logicalId);
        }
        return name;
    }
}
