package dev.storefront.dynamodb;

import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link DynamoDbCartRepositoryIT} on LocalStack's DynamoDB: runs where Docker is available, reported as skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbCartRepositoryLocalStackIT extends DynamoDbCartRepositoryIT {

    @Override
    LocalTables tables() {
        return LocalTables.localStack();
    }
}
