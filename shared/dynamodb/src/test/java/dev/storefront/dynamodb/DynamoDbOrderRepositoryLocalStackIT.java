package dev.storefront.dynamodb;

import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link DynamoDbOrderRepositoryIT} on LocalStack's DynamoDB: runs where Docker is available, reported as skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbOrderRepositoryLocalStackIT extends DynamoDbOrderRepositoryIT {

    @Override
    LocalTables tables() {
        return LocalTables.localStack();
    }
}
