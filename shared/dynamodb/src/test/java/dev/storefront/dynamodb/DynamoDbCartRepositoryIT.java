package dev.storefront.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartRepository.CartChangedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class DynamoDbCartRepositoryIT {

    private static final Instant ADDED = Instant.parse("2026-11-22T10:15:30.123456789Z");
    private static final Instant UPDATED = Instant.parse("2026-11-22T10:20:00.5Z");

    final LocalTables local = tables();

    /** The DynamoDB these tests run against; {@code *LocalStackIT} runs them again on LocalStack. */
    LocalTables tables() {
        return LocalTables.get();
    }
    private final String table = local.table("CartsTable");
    private final DynamoDbCartRepository repository = new DynamoDbCartRepository(local.enhanced, table);

    @Test
    void save_shouldStoreANewCartAtVersionOne_andFindItBackIntact() {
        // given
        String user = user();
        Cart cart = new Cart(user, List.of(new Cart.CartLine("lamp", 2, ADDED), new Cart.CartLine("bulb", 99,
                ADDED.plusSeconds(1))), 0, UPDATED);

        // when
        repository.save(cart);

        // then: the lines in their order, every instant to the nanosecond, the version incremented
        assertThat(repository.find(user)).contains(new Cart(user, cart.lines(), 1, UPDATED));
        assertThat(repository.find(user())).isEmpty();
    }

    @Test
    void save_shouldIncrementTheVersion_onEachSaveFromTheVersionRead() {
        String user = user();
        repository.save(new Cart(user, List.of(new Cart.CartLine("lamp", 1, ADDED)), 0, UPDATED));

        Cart read = repository.find(user).orElseThrow();
        repository.save(new Cart(user, List.of(), read.version(), UPDATED.plusSeconds(5)));

        Cart stored = repository.find(user).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.lines()).isEmpty();
        assertThat(stored.updatedAt()).isEqualTo(UPDATED.plusSeconds(5));
    }

    @Test
    void save_shouldThrowCartChanged_forAStaleVersion_andKeepTheStoredCart() {
        // given: stored at version 2
        String user = user();
        repository.save(new Cart(user, List.of(new Cart.CartLine("lamp", 1, ADDED)), 0, UPDATED));
        repository.save(new Cart(user, List.of(new Cart.CartLine("lamp", 3, ADDED)), 1, UPDATED));
        Cart stored = repository.find(user).orElseThrow();

        // when / then: a writer that read version 1, and one that never saw the cart
        assertThatThrownBy(() -> repository.save(new Cart(user, List.of(new Cart.CartLine("vase", 1, ADDED)), 1,
                UPDATED))).isInstanceOf(CartChangedException.class);
        assertThatThrownBy(() -> repository.save(new Cart(user, List.of(new Cart.CartLine("vase", 1, ADDED)), 0,
                UPDATED))).isInstanceOf(CartChangedException.class);
        assertThat(repository.find(user)).contains(stored);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void save_shouldThrowCartChanged_whenTheCartWasDeletedSinceItWasRead() {
        String user = user();
        repository.save(new Cart(user, List.of(new Cart.CartLine("lamp", 1, ADDED)), 0, UPDATED));
        repository.delete(user);

        assertThatThrownBy(() -> repository.save(new Cart(user, List.of(), 1, UPDATED)))
                .isInstanceOf(CartChangedException.class);
        assertThat(repository.find(user)).isEmpty();
    }

    @Test
    void save_shouldLetExactlyOneOfTenConcurrentSavesFromOneVersionWin() throws Exception {
        // given
        String user = user();
        repository.save(new Cart(user, List.of(), 0, UPDATED));
        AtomicInteger n = new AtomicInteger();

        // when
        List<Object> results = Race.run(10, () -> {
            Cart mine = new Cart(user, List.of(new Cart.CartLine("p" + n.incrementAndGet(), 1, ADDED)), 1, UPDATED);
            repository.save(mine);
            return mine;
        });

        // then
        assertThat(results).filteredOn(Cart.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(CartChangedException.class::isInstance).hasSize(9);
        Cart winner = (Cart) results.stream().filter(Cart.class::isInstance).findFirst().orElseThrow();
        assertThat(repository.find(user).orElseThrow().lines()).isEqualTo(winner.lines());
    }

    @Test
    void save_shouldSetTheTtlAttributeOfTheTemplate_toSixtyDaysAfterTheLastChange() {
        // given
        String user = user();

        // when
        repository.save(new Cart(user, List.of(new Cart.CartLine("lamp", 1, ADDED)), 0, UPDATED));

        // then: the attribute template.yaml names for the table's TTL, a Number of epoch seconds
        String ttlAttribute = local.client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription()
                .attributeName();
        assertThat(ttlAttribute).isEqualTo("expiresAt");
        assertThat(local.client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription()
                .timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        Map<String, AttributeValue> raw = local.client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("userId", AttributeValue.fromS(user)))).item();
        assertThat(raw.get(ttlAttribute).n())
                .isEqualTo(Long.toString(UPDATED.plus(Duration.ofDays(60)).getEpochSecond()));
    }

    @Test
    void delete_shouldRemoveTheCart_whateverItsVersion_andIgnoreAMissingOne() {
        String user = user();
        repository.save(new Cart(user, List.of(new Cart.CartLine("lamp", 1, ADDED)), 0, UPDATED));
        repository.save(new Cart(user, List.of(new Cart.CartLine("lamp", 2, ADDED)), 1, UPDATED));

        repository.delete(user);
        repository.delete(user);

        assertThat(repository.find(user)).isEmpty();
        // a new cart starts again at version 1
        repository.save(new Cart(user, List.of(), 0, UPDATED));
        assertThat(repository.find(user).orElseThrow().version()).isEqualTo(1);
    }

    private static String user() {
        return "user-" + UUID.randomUUID();
    }
}
