package dev.storefront.dynamodb;

import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link DynamoDbIdempotencyStoreIT} on LocalStack's DynamoDB: runs where Docker is available, reported as skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbIdempotencyStoreLocalStackIT extends DynamoDbIdempotencyStoreIT {

    @Override
    LocalTables tables() {
        return LocalTables.localStack();
    }
}
