package dev.storefront.dynamodb;

import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link DynamoDbProductRepositoryIT} on LocalStack's DynamoDB: runs where Docker is available, reported as skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbProductRepositoryLocalStackIT extends DynamoDbProductRepositoryIT {

    @Override
    LocalTables tables() {
        return LocalTables.localStack();
    }
}
