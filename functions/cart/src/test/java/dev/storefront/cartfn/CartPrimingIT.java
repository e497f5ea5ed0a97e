package dev.storefront.cartfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.storefront.auth.SigningKeys;
import dev.storefront.localcloud.FunctionTestEnvironment;
import dev.storefront.localcloud.StoreSnapshot;
import dev.storefront.platform.snapstart.PrimingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming of the cart function against DynamoDB Local and a real Redis. (CRaC cannot checkpoint a
 * normal JDK: {@code prime()} is what the handler's {@code beforeCheckpoint} runs.)
 */
class CartPrimingIT {

    private static FunctionTestEnvironment environment;

    @BeforeAll
    static void start() {
        environment = FunctionTestEnvironment.start(Path.of("../../template.yaml"), CartPrimingIT.class, Map.of(
                "STOREFRONT_CARTS_TABLE", "CartsTable",
                "STOREFRONT_PRODUCTS_TABLE", "ProductsTable",
                "STOREFRONT_IDEMPOTENCY_TABLE", "IdempotencyTable",
                "STOREFRONT_JWT_ISSUER", "https://storefront.test/auth",
                "STOREFRONT_JWT_AUDIENCE", "storefront-api",
                "STOREFRONT_JWT_PUBLIC_JWKS", SigningKeys.publicJwkSetJson(SigningKeys.generate()),
                "STOREFRONT_CURRENCY", "USD"));
    }

    @AfterAll
    static void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void prime_shouldReadTheEmptyCartOfAnAbsentShopper_andRefuseAForgedToken_writingNothing() {
        // given
        CartHandler handler = new CartHandler();
        StoreSnapshot before = StoreSnapshot.of(environment);

        // when
        List<PrimingResult> results = handler.prime();

        // then
        assertThat(results).extracting(PrimingResult::step, PrimingResult::outcome, PrimingResult::expected)
                .containsExactly(tuple("GET /cart (as caller)", "200", true), tuple("DELETE /cart", "401", true));
        StoreSnapshot after = StoreSnapshot.of(environment);
        assertThat(after.itemChangesSince(before)).isEmpty();
        assertThat(after.redisKeysAddedSince(before)).isEmpty();
    }
}
