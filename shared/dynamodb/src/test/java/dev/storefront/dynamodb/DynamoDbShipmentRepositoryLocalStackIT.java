package dev.storefront.dynamodb;

import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link DynamoDbShipmentRepositoryIT} on LocalStack's DynamoDB: runs where Docker is available, reported as skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbShipmentRepositoryLocalStackIT extends DynamoDbShipmentRepositoryIT {

    @Override
    LocalTables tables() {
        return LocalTables.localStack();
    }
}
