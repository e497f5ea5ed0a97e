package dev.storefront.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.account.EmailTakenException;
import dev.storefront.domain.account.User;
import dev.storefront.domain.auth.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DynamoDbUserRepositoryIT {

    final LocalTables local = tables();

    /** The DynamoDB these tests run against; {@code *LocalStackIT} runs them again on LocalStack. */
    LocalTables tables() {
        return LocalTables.get();
    }
    private final DynamoDbUserRepository repository =
            new DynamoDbUserRepository(local.enhanced, local.table("UsersTable"));

    @Test
    void create_shouldStoreTheAccount_findableByIdAndEmail() {
        User user = user("ada-" + UUID.randomUUID() + "@example.com");

        repository.create(user);

        assertThat(repository.findById(user.userId())).contains(user);
        assertThat(repository.findByEmail(user.email())).contains(user);
        assertThat(repository.findByEmail("nobody@example.com")).isEmpty();
    }

    @Test
    void find_shouldAnswerEmpty_forKeysDynamoDbRefuses() {
        // given: longer than a key may be (2,048 bytes), in bytes but not in characters too
        for (String key : java.util.List.of("a".repeat(3000) + "@example.com", "\u3000".repeat(700) + "a@example.com",
                "\u00e9".repeat(1100), "")) {
            // when / then: not found, on moto as on DynamoDB (where the request itself would fail)
            assertThat(repository.findByEmail(key)).isEmpty();
            assertThat(repository.findById(key)).isEmpty();
        }
    }

    @Test
    void create_shouldRefuseASecondAccount_forTheSameEmail() {
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        repository.create(user(email));

        User second = user(email);
        assertThatThrownBy(() -> repository.create(second)).isInstanceOf(EmailTakenException.class);
        assertThat(repository.findById(second.userId())).isEmpty();
    }

    @Test
    void create_shouldLetExactlyOneOfManyConcurrentSignupsWin() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        AtomicInteger n = new AtomicInteger();

        List<Object> results = Race.run(12, () -> {
            User user = user(email, "id-" + n.incrementAndGet() + "-" + UUID.randomUUID());
            repository.create(user);
            return user;
        });

        assertThat(results).filteredOn(User.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(EmailTakenException.class::isInstance).hasSize(11);
        User winner = (User) results.stream().filter(User.class::isInstance).findFirst().orElseThrow();
        assertThat(repository.findByEmail(email)).contains(winner);
    }

    @Test
    void update_shouldReplaceRolesAndHash() {
        User user = user("promote-" + UUID.randomUUID() + "@example.com");
        repository.create(user);

        User admin = user.withRoles(EnumSet.of(Role.ADMIN, Role.SHOPPER)).withPasswordHash("$argon2id$new");
        repository.update(admin);

        assertThat(repository.findById(user.userId())).contains(admin);
    }

    private static User user(String email) {
        return user(email, UUID.randomUUID().toString());
    }

    private static User user(String email, String id) {
        return new User(id, email, "Ada", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", Set.of(Role.SHOPPER),
                Instant.parse("2026-11-22T10:15:30Z"));
    }
}
