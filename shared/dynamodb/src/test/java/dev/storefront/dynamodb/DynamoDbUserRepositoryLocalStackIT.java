package dev.storefront.dynamodb;

import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link DynamoDbUserRepositoryIT} on LocalStack's DynamoDB: runs where Docker is available, reported as skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbUserRepositoryLocalStackIT extends DynamoDbUserRepositoryIT {

    @Override
    LocalTables tables() {
        return LocalTables.localStack();
    }
}
