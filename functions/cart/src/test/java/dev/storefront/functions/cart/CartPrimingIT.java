package dev.storefront.functions.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.storefront.platform.snapstart.PrimingResult;
import dev.storefront.runtime.testing.PrimingEnvironment;
import dev.storefront.runtime.testing.PrimingEnvironment.Primed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SnapStart priming of the cart function against moto (the local DynamoDB) and a real Redis. */
class CartPrimingIT {

    @RegisterExtension
    static final PrimingEnvironment environment = PrimingEnvironment.of(Map.of(
            "STOREFRONT_CARTS_TABLE", "CartsTable",
            "STOREFRONT_PRODUCTS_TABLE", "ProductsTable",
            "STOREFRONT_IDEMPOTENCY_TABLE", "IdempotencyTable",
            "STOREFRONT_CURRENCY", "USD"));

    @Test
    void prime_shouldReadTheEmptyCartOfAnAbsentShopper_andRefuseAForgedToken_writingNothing() {
        // given
        CartHandler handler = new CartHandler();

        // when
        Primed primed = environment.prime(handler::prime);

        // then
        assertThat(primed.results()).extracting(PrimingResult::step, PrimingResult::outcome, PrimingResult::expected)
                .containsExactly(tuple("GET /cart (as caller)", "200", true), tuple("DELETE /cart", "401", true));
        assertThat(primed.itemChanges()).isEmpty();
        assertThat(primed.redisKeysAdded()).isEmpty();
    }
}
