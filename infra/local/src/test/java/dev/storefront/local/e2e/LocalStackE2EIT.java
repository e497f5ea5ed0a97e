package dev.storefront.local.e2e;

import java.net.URI;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * {@link ExternalDynamoDbE2EIT} on LocalStack's DynamoDB and DynamoDB Streams: checkout, payment and the shipment
 * the orders stream creates, through the local gateway. Runs where Docker is available, reported as skipped
 * elsewhere. (ElastiCache is not in LocalStack's free edition: the local Redis stays.)
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackE2EIT extends ExternalDynamoDbE2EIT {

    @Override
    @SuppressWarnings("resource") // removed by Testcontainers' Ryuk when the JVM exits
    URI dynamoDbEndpoint() {
        LocalStackContainer localStack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                .withServices(LocalStackContainer.Service.DYNAMODB)
                .withEnv("DISABLE_EVENTS", "1")
                .withEnv("DDB_LOCAL_TELEMETRY", "0"); // LocalStack's DynamoDB engine sends no usage data
        localStack.start();
        return localStack.getEndpoint();
    }
}
