package dev.storefront.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.account.EmailTakenException;
import dev.storefront.domain.account.User;
import dev.storefront.domain.auth.Role;
import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.IntrinsicResolver;
import dev.storefront.localcloud.TemplateTables;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The DynamoDB adapters against LocalStack, with tables from template.yaml. Runs where Docker is
 * available and is reported as skipped elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbUserRepositoryLocalStackIT {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
            DockerImageName.parse("localstack/localstack:4.4")).withServices(LocalStackContainer.Service.DYNAMODB);

    @Test
    void accountsAndSessions_shouldWorkAgainstLocalStack() {
        Map<String, String> env = Map.of(
                "AWS_REGION", LOCALSTACK.getRegion(),
                "AWS_ENDPOINT_URL", LOCALSTACK.getEndpoint().toString(),
                "AWS_ACCESS_KEY_ID", LOCALSTACK.getAccessKey(),
                "AWS_SECRET_ACCESS_KEY", LOCALSTACK.getSecretKey());
        var client = DynamoDbClientFactory.dynamoDb(env, DynamoDbClientFactory.httpClient());
        CloudFormationTemplate template = CloudFormationTemplate.load(Path.of("../../template.yaml"));
        Map<String, String> tables = new TemplateTables(IntrinsicResolver.builder(template).build()).createAll(client);
        var users = new DynamoDbUserRepository(DynamoDbClientFactory.enhanced(client), tables.get("UsersTable"));
        User user = new User("u-1", "ada@example.com", "Ada", "$argon2id$x", Set.of(Role.SHOPPER),
                Instant.parse("2026-11-22T10:15:30Z"));

        users.create(user);

        assertThat(users.findByEmail("ada@example.com")).contains(user);
        assertThatThrownBy(() -> users.create(new User("u-2", "ada@example.com", "Ada", "$argon2id$x",
                Set.of(Role.SHOPPER), Instant.now()))).isInstanceOf(EmailTakenException.class);
    }
}
