package dev.storefront.dynamodb;

import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link DynamoDbSessionRepositoryIT} on LocalStack's DynamoDB: runs where Docker is available, reported as skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbSessionRepositoryLocalStackIT extends DynamoDbSessionRepositoryIT {

    @Override
    LocalTables tables() {
        return LocalTables.localStack();
    }
}
