package dev.storefront.domain.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.storefront.domain.Money;
import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CartServiceTest {

    private static final String USER = "user-1";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryCarts.Carts carts = new InMemoryCarts.Carts();
    private final InMemoryCarts.Catalog catalog = new InMemoryCarts.Catalog();
    private final CartService service = new CartService(carts, catalog, clock, "USD");

    @Test
    void get_shouldAnswerAnEmptyCart_whenTheShopperHasNone_andStoreNothing() {
        CartView view = service.get(USER);

        assertThat(view.items()).isEmpty();
        assertThat(view.subtotal()).isEqualTo(usd(0));
        assertThat(view.itemCount()).isZero();
        assertThat(view.updatedAt()).isNull();
        assertThat(carts.writes).isZero();
    }

    @Test
    void add_shouldStoreALine_andAnswerItPricedAtTheCatalogPrice() {
        // given
        catalog.add("lamp", 1999, 12, 850);

        // when
        CartView view = service.add(USER, "lamp", 2);

        // then
        assertThat(view.items()).containsExactly(new CartView.Item("lamp", "Product lamp", usd(1999), 2, usd(3998), 12));
        assertThat(view.subtotal()).isEqualTo(usd(3998));
        assertThat(view.itemCount()).isEqualTo(2);
        assertThat(view.updatedAt()).isEqualTo(NOW);
        Cart stored = carts.stored(USER).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.lines()).containsExactly(new Cart.CartLine("lamp", 2, NOW));
    }

    @Test
    void add_shouldMergeIntoTheExistingLine_keepingItsPlaceAndWhenItWasFirstAdded() {
        // given
        catalog.add("lamp", 1999, 12, 850);
        catalog.add("bulb", 500, 40, 100);
        CartService earlier = new CartService(carts, catalog, Clock.fixed(NOW.minusSeconds(60), ZoneOffset.UTC), "USD");
        earlier.add(USER, "lamp", 2);
        earlier.add(USER, "bulb", 1);

        // when
        CartView view = service.add(USER, "lamp", 3);

        // then
        assertThat(view.items()).extracting(CartView.Item::productId, CartView.Item::quantity)
                .containsExactly(tuple("lamp", 5), tuple("bulb", 1));
        assertThat(view.subtotal()).isEqualTo(usd(5 * 1999 + 500));
        assertThat(view.itemCount()).isEqualTo(6);
        Cart stored = carts.stored(USER).orElseThrow();
        assertThat(stored.lines().get(0)).isEqualTo(new Cart.CartLine("lamp", 5, NOW.minusSeconds(60)));
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void add_shouldAcceptALineOf99_andRefuseOneUnitMore_keepingTheLine() {
        // given
        catalog.add("lamp", 1999, 500, 850);
        service.add(USER, "lamp", 98);
        service.add(USER, "lamp", 1);

        // when / then
        assertThatThrownBy(() -> service.add(USER, "lamp", 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("quantity"));
        assertThat(carts.stored(USER).orElseThrow().line("lamp").orElseThrow().quantity()).isEqualTo(99);
    }

    @Test
    void add_shouldRefuseAQuantityOutside1To99_beforeLookingAnythingUp() {
        catalog.add("lamp", 1999, 500, 850);

        for (int quantity : new int[] {0, -1, 100}) {
            assertThatThrownBy(() -> service.add(USER, "lamp", quantity))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("quantity"));
        }
        assertThat(carts.finds).isZero();
        assertThat(carts.writes).isZero();
    }

    @Test
    void add_shouldRefuseA51stProduct_butStillAddToALineOfAFullCart() {
        // given
        for (int i = 0; i < Cart.MAX_LINES + 1; i++) {
            catalog.add("p" + i, 100, 10, 100);
        }
        for (int i = 0; i < Cart.MAX_LINES; i++) {
            service.add(USER, "p" + i, 1);
        }

        // when / then
        assertThatThrownBy(() -> service.add(USER, "p" + Cart.MAX_LINES, 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("productId"));
        assertThat(carts.stored(USER).orElseThrow().lines()).hasSize(Cart.MAX_LINES);

        CartView view = service.add(USER, "p0", 1);
        assertThat(view.items()).hasSize(Cart.MAX_LINES);
        assertThat(view.items().get(0).quantity()).isEqualTo(2);
    }

    @Test
    void add_shouldAnswerNotFound_forAnUnknownProduct_orAnIdThatCannotBeOne_andStoreNothing() {
        assertThatThrownBy(() -> service.add(USER, "ghost", 1))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.type()).isEqualTo("product-not-found"));
        assertThatThrownBy(() -> service.add(USER, "../etc/passwd", 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.add(USER, null, 1)).isInstanceOf(NotFoundException.class);
        assertThat(carts.writes).isZero();
    }

    @Test
    void add_shouldAnswerNotFound_forAnArchivedProduct() {
        catalog.add("old", 1999, 12, 850);
        catalog.archive("old");

        assertThatThrownBy(() -> service.add(USER, "old", 1))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.type()).isEqualTo("product-not-found"));
        assertThat(carts.stored(USER)).isEmpty();
    }

    @Test
    void get_shouldPriceAtTheCurrentPrice_andShowAnArchivedProductAsUnavailable() {
        // given
        catalog.add("lamp", 1999, 12, 850);
        catalog.add("bulb", 500, 40, 100);
        service.add(USER, "lamp", 1);
        service.add(USER, "bulb", 2);

        // when
        catalog.reprice("lamp", 2499);
        catalog.archive("bulb");
        CartView view = service.get(USER);

        // then
        assertThat(view.items()).containsExactly(
                new CartView.Item("lamp", "Product lamp", usd(2499), 1, usd(2499), 12),
                new CartView.Item("bulb", "Product bulb", usd(500), 2, usd(1000), 0));
        assertThat(view.subtotal()).as("archived lines are listed, not counted").isEqualTo(usd(2499));
        assertThat(view.itemCount()).isEqualTo(1);
    }

    @Test
    void setQuantity_shouldReplaceTheQuantity() {
        catalog.add("lamp", 1999, 12, 850);
        service.add(USER, "lamp", 2);

        CartView view = service.setQuantity(USER, "lamp", 7);

        assertThat(view.items()).singleElement().extracting(CartView.Item::quantity).isEqualTo(7);
        assertThat(carts.stored(USER).orElseThrow().line("lamp").orElseThrow().quantity()).isEqualTo(7);
    }

    @Test
    void setQuantity_shouldRemoveTheLine_atZero() {
        catalog.add("lamp", 1999, 12, 850);
        catalog.add("bulb", 500, 40, 100);
        service.add(USER, "lamp", 2);
        service.add(USER, "bulb", 1);

        CartView view = service.setQuantity(USER, "lamp", 0);

        assertThat(view.items()).extracting(CartView.Item::productId).containsExactly("bulb");
        assertThat(carts.stored(USER).orElseThrow().line("lamp")).isEmpty();
    }

    @Test
    void setQuantity_shouldAnswerNotFound_forAProductNotInTheCart_andRefuseAQuantityOutside0To99() {
        catalog.add("lamp", 1999, 12, 850);
        service.add(USER, "lamp", 2);
        int writes = carts.writes;

        assertThatThrownBy(() -> service.setQuantity(USER, "bulb", 1))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.type()).isEqualTo("not-in-cart"));
        assertThatThrownBy(() -> service.setQuantity(USER, "bulb", 0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.setQuantity(USER, "lamp", 100)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.setQuantity(USER, "lamp", -1)).isInstanceOf(ValidationException.class);
        assertThat(carts.writes).isEqualTo(writes);
    }

    @Test
    void remove_shouldRemoveTheLine() {
        catalog.add("lamp", 1999, 12, 850);
        service.add(USER, "lamp", 2);

        CartView view = service.remove(USER, "lamp");

        assertThat(view.items()).isEmpty();
        assertThat(view.subtotal()).isEqualTo(usd(0));
        assertThat(carts.stored(USER).orElseThrow().lines()).isEmpty();
    }

    @Test
    void remove_shouldAnswerNotFound_forAProductNotInTheCart_evenWithNoCartAtAll() {
        assertThatThrownBy(() -> service.remove(USER, "lamp"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.type()).isEqualTo("not-in-cart"));

        catalog.add("lamp", 1999, 12, 850);
        service.add(USER, "lamp", 2);
        assertThatThrownBy(() -> service.remove(USER, "bulb")).isInstanceOf(NotFoundException.class);
        assertThat(carts.stored(USER).orElseThrow().lines()).hasSize(1);
    }

    @Test
    void add_shouldReadAgainAndReapply_whenAnotherRequestSavedFirst_soBothChangesAreKept() {
        // given: the lamp is in the cart; while this request adds a bulb, another tab adds a vase and saves first
        catalog.add("lamp", 1999, 12, 850);
        catalog.add("bulb", 500, 40, 100);
        catalog.add("vase", 3000, 3, 1200);
        service.add(USER, "lamp", 1);
        CartService otherTab = new CartService(carts, catalog, clock, "USD");
        carts.beforeNextSave = () -> otherTab.add(USER, "vase", 1);
        int findsBefore = carts.finds;

        // when
        CartView view = service.add(USER, "bulb", 2);

        // then: the first save failed its version condition, the second attempt kept the vase
        assertThat(view.items()).extracting(CartView.Item::productId).containsExactly("lamp", "vase", "bulb");
        Cart stored = carts.stored(USER).orElseThrow();
        assertThat(stored.lines()).extracting(Cart.CartLine::productId).containsExactly("lamp", "vase", "bulb");
        assertThat(stored.version()).isEqualTo(3);
        assertThat(carts.finds - findsBefore).isEqualTo(3); // this request twice, the other tab once
    }

    @Test
    void add_shouldGiveUpWithAConflict_whenTheCartKeepsChangingUnderneath() {
        catalog.add("lamp", 1999, 12, 850);
        catalog.add("bulb", 500, 40, 100);
        service.add(USER, "lamp", 1);
        CartService otherTab = new CartService(carts, catalog, clock, "USD");
        Runnable[] interfere = new Runnable[1];
        int[] interferences = new int[1];
        interfere[0] = () -> {
            interferences[0]++;
            otherTab.setQuantity(USER, "lamp", 1 + carts.stored(USER).orElseThrow().line("lamp").orElseThrow().quantity() % 50);
            carts.beforeNextSave = interfere[0]; // armed again for this request's next attempt
        };
        carts.beforeNextSave = interfere[0];

        assertThatThrownBy(() -> service.add(USER, "bulb", 1))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("cart-busy"));
        assertThat(carts.stored(USER).orElseThrow().line("bulb")).isEmpty();
        assertThat(interferences[0]).isEqualTo(CartService.MAX_ATTEMPTS);
    }

    @Test
    void clear_shouldDeleteTheCart_andDoNothingWhenThereIsNone() {
        catalog.add("lamp", 1999, 12, 850);
        service.add(USER, "lamp", 2);

        service.clear(USER);
        service.clear(USER);

        assertThat(carts.stored(USER)).isEmpty();
        assertThat(service.get(USER).items()).isEmpty();
    }

    private static Money usd(long amount) {
        return Money.of(amount, "USD");
    }
}
