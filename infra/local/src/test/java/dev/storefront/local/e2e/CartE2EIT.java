package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static dev.storefront.local.e2e.Shop.RFC_3339_UTC;
import static dev.storefront.local.e2e.Shop.assertMoney;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.errorFields;
import static dev.storefront.local.e2e.Shop.fieldNames;
import static dev.storefront.local.e2e.Shop.line;
import static dev.storefront.local.e2e.Shop.productIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Shopper;
import dev.storefront.local.e2e.Shop.ShopperWithProduct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cart function end to end, on the shop's shared stack: lines added, changed and removed over HTTP, priced at
 * the catalog's current price and availability, and every bad input answered with a problem that changes nothing.
 * Fixture products are created through the admin API, shoppers sign up and log in over HTTP.
 */
class CartE2EIT extends SharedStackE2E {

    private static final String UNKNOWN_PRODUCT = "01UNKNOWNPRODUCT0000000000";

    /** For the bad-input cases, which empty its cart before each case. */
    private static ShopperWithProduct badInput;

    @BeforeAll
    static void makeTheBadInputShopper() {
        badInput = stack.newShopperWithProduct();
    }

    @Test
    void getCart_shouldAnswerAnEmptyCart_forANewShopper() {
        Shopper shopper = stack.newShopper();

        Response response = stack.cart(shopper);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode cart = response.json();
        assertThat(cart.path("items").isArray()).isTrue();
        assertThat(cart.path("items")).isEmpty();
        assertMoney(cart.path("subtotal"), 0);
        assertThat(cart.path("itemCount").asInt()).isZero();
        assertThat(fieldNames(cart)).containsExactlyInAnyOrder("items", "subtotal", "itemCount", "updatedAt");
    }

    @Test
    void addItem_shouldAddToTheExistingLine_andPriceEveryLineAtTheCatalogPrice() {
        // given
        Shopper shopper = stack.newShopper();
        String lamp = stack.createProduct(1250, 20, 400);
        String bulb = stack.createProduct(999, 7, 100);
        assertThat(stack.addItem(shopper, lamp, 2).status()).isEqualTo(200);

        // when
        Response again = stack.addItem(shopper, lamp, 3);
        Response other = stack.addItem(shopper, bulb, 1);

        // then
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(line(again.json(), lamp).path("quantity").asInt()).isEqualTo(5);
        assertThat(other.status()).as("%s", other).isEqualTo(200);
        JsonNode cart = other.json();
        assertThat(productIds(cart)).containsExactly(lamp, bulb);
        JsonNode lampLine = line(cart, lamp);
        assertThat(fieldNames(lampLine)).containsExactlyInAnyOrder("productId", "name", "unitPrice", "quantity",
                "lineTotal", "available");
        assertThat(lampLine.path("name").asText()).isEqualTo("Fixture product");
        assertMoney(lampLine.path("unitPrice"), 1250);
        assertMoney(lampLine.path("lineTotal"), 6250);
        assertThat(lampLine.path("available").asInt()).isEqualTo(20);
        assertThat(line(cart, bulb).path("available").asInt()).isEqualTo(7);
        assertMoney(cart.path("subtotal"), 6250 + 999);
        assertThat(cart.path("itemCount").asInt()).isEqualTo(6);
        assertThat(cart.path("updatedAt").asText()).matches(RFC_3339_UTC);
        assertThat(stack.cart(shopper).json()).isEqualTo(cart);
    }

    @Test
    void setQuantity_shouldChangeTheLine_andZeroShouldRemoveIt() {
        Shopper shopper = stack.newShopper();
        String kept = stack.createProduct(500, 50, 100);
        String dropped = stack.createProduct(700, 50, 100);
        stack.addItem(shopper, kept, 1);
        stack.addItem(shopper, dropped, 2);

        Response changed = stack.setQuantity(shopper, kept, 7);
        Response removed = stack.setQuantity(shopper, dropped, 0);

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(line(changed.json(), kept).path("quantity").asInt()).isEqualTo(7);
        assertMoney(line(changed.json(), kept).path("lineTotal"), 3500);
        assertThat(removed.status()).as("%s", removed).isEqualTo(200);
        assertThat(productIds(removed.json())).containsExactly(kept);
        assertMoney(removed.json().path("subtotal"), 3500);
        assertThat(removed.json().path("itemCount").asInt()).isEqualTo(7);
        assertThat(productIds(stack.cart(shopper).json())).containsExactly(kept);
    }

    @Test
    void removeItem_shouldDeleteTheLine_andAnswer404TheSecondTime() {
        Shopper shopper = stack.newShopper();
        String kept = stack.createProduct(500, 50, 100);
        String removed = stack.createProduct(700, 50, 100);
        stack.addItem(shopper, kept, 1);
        stack.addItem(shopper, removed, 2);

        Response response = stack.removeItem(shopper, removed);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(productIds(response.json())).containsExactly(kept);
        assertThat(response.json().path("itemCount").asInt()).isEqualTo(1);
        assertThat(assertProblem(stack.removeItem(shopper, removed), 404).path("type").asText())
                .endsWith("/not-in-cart");
    }

    @Test
    void clearCart_shouldAnswer204_andLeaveAnEmptyCart() {
        Shopper shopper = stack.newShopper();
        stack.addItem(shopper, stack.createProduct(500, 50, 100), 3);

        Response cleared = stack.clearCart(shopper);

        assertThat(cleared.status()).isEqualTo(204);
        assertThat(cleared.body()).isEmpty();
        assertThat(stack.cart(shopper).json().path("items")).isEmpty();
        assertThat(stack.cart(shopper).json().path("itemCount").asInt()).isZero();
        assertThat(stack.clearCart(shopper).status()).as("clearing an empty cart").isEqualTo(204);
    }

    @Test
    void cart_shouldShowTheCatalogsCurrentPriceAndAvailability_afterTheProductChanged() {
        // given
        Shopper shopper = stack.newShopper();
        String product = stack.createProduct(1000, 12, 100);
        String archived = stack.createProduct(300, 4, 100);
        stack.addItem(shopper, product, 2);
        stack.addItem(shopper, archived, 1);

        // when: the admin changes price and stock, and archives the other product
        Response replaced = stack.replaceProduct(product, 1500, 12, "1");
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        Response stock = stack.setStock(product, 3);
        assertThat(stock.status()).as("%s", stock).isEqualTo(200);
        assertThat(stack.archive(archived).status()).isEqualTo(204);

        // then
        JsonNode cart = stack.cart(shopper).json();
        assertMoney(line(cart, product).path("unitPrice"), 1500);
        assertMoney(line(cart, product).path("lineTotal"), 3000);
        assertThat(line(cart, product).path("available").asInt()).isEqualTo(3);
        assertThat(line(cart, archived).path("available").asInt()).as("an archived product is not available").isZero();
        assertMoney(cart.path("subtotal"), 3000); // the archived line is listed but cannot be bought
        assertThat(cart.path("itemCount").asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAdditions")
    void addItem_shouldAnswerAProblem_andChangeNothing_whenTheRequestIsBad(Function<String, String> body,
            String contentType, int status, List<String> namedFields) {
        // given
        Shopper shopper = badInput.shopper();
        assertThat(stack.clearCart(shopper).status()).isEqualTo(204);

        // when
        Response response = stack.http().send(stack.http().withBody("POST", "/cart/items",
                body.apply(badInput.productId()), contentType, "Authorization", shopper.authorization()).build());

        // then
        JsonNode problem = assertProblem(response, status);
        assertThat(errorFields(problem)).containsAll(namedFields);
        assertThat(stack.cart(shopper).json().path("items")).as("nothing was added").isEmpty();
    }

    static Stream<Arguments> badAdditions() {
        String json = Http.APPLICATION_JSON;
        return Stream.of(
                bad("quantity 0", json, 400, List.of("quantity"), id -> addBody(id, 0)),
                bad("quantity 100", json, 400, List.of("quantity"), id -> addBody(id, 100)),
                bad("quantity -1", json, 400, List.of("quantity"), id -> addBody(id, -1)),
                bad("quantity as a string", json, 400, List.of("quantity"), id -> addBody(id, "2")),
                bad("fractional quantity", json, 400, List.of("quantity"), id -> addBody(id, 2.5)),
                bad("quantity beyond an int", json, 400, List.of("quantity"), id -> addBody(id, 5_000_000_000L)),
                bad("quantity beyond a long", json, 400, List.of("quantity"),
                        id -> "{\"productId\":\"" + id + "\",\"quantity\":" + "9".repeat(40) + "}"),
                bad("null quantity", json, 400, List.of("quantity"), id -> addBody(id, null)),
                bad("missing quantity", json, 400, List.of("quantity"), id -> Http.text(object("productId", id))),
                bad("missing productId", json, 400, List.of("productId"), id -> Http.text(object("quantity", 1))),
                bad("number for productId", json, 400, List.of("productId"),
                        id -> Http.text(object("productId", 12345, "quantity", 1))),
                bad("unknown field", json, 400, List.of("price"),
                        id -> Http.text(object("productId", id, "quantity", 1, "price", 1))),
                bad("malformed JSON", json, 400, List.of(), id -> addBody(id, 1).replace("}", "")),
                bad("JSON array", json, 400, List.of(), id -> "[" + addBody(id, 1) + "]"),
                bad("empty body", json, 400, List.of(), id -> ""),
                bad("Content-Type text/plain", "text/plain", 415, List.of(), id -> addBody(id, 1)),
                bad("no Content-Type", null, 415, List.of(), id -> addBody(id, 1)));
    }

    @Test
    void setQuantity_shouldAnswer400NamingTheQuantity_andKeepTheLine_whenTheQuantityIsBad() {
        Shopper shopper = stack.newShopper();
        String product = stack.createProduct(500, 50, 100);
        stack.addItem(shopper, product, 4);

        for (Object quantity : Arrays.asList(-1, 100, "2", 2.5, 5_000_000_000L, null)) {
            Response response = stack.setQuantity(shopper, product, quantity);
            assertThat(errorFields(assertProblem(response, 400))).as("quantity %s", quantity).contains("quantity");
        }
        Response unknownField = stack.http().put("/cart/items/" + product, object("quantity", 1, "note", "x"),
                "Authorization", shopper.authorization());
        assertThat(errorFields(assertProblem(unknownField, 400))).containsExactly("note");
        assertThat(line(stack.cart(shopper).json(), product).path("quantity").asInt()).isEqualTo(4);
    }

    @Test
    void addItem_shouldAnswer400_whenALineWouldHoldMoreThan99() {
        // given
        Shopper shopper = stack.newShopper();
        String product = stack.createProduct(100, 500, 10);
        assertThat(stack.addItem(shopper, product, 60).status()).isEqualTo(200);

        // when
        Response tooMany = stack.addItem(shopper, product, 50);

        // then
        assertThat(errorFields(assertProblem(tooMany, 400))).containsExactly("quantity");
        assertThat(line(stack.cart(shopper).json(), product).path("quantity").asInt()).isEqualTo(60);
        Response upToTheLimit = stack.addItem(shopper, product, 39);
        assertThat(upToTheLimit.status()).as("%s", upToTheLimit).isEqualTo(200);
        assertThat(line(upToTheLimit.json(), product).path("quantity").asInt()).isEqualTo(99);
        assertThat(errorFields(assertProblem(stack.addItem(shopper, product, 1), 400))).containsExactly("quantity");
    }

    @Test
    void addItem_shouldAnswer400_forA51stDifferentProduct() {
        // given: a cart of 50 different products
        Shopper shopper = stack.newShopper();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            products.add(stack.createProduct(100 + i, 10, 10));
        }
        for (String product : products.subList(0, 50)) {
            Response added = stack.addItem(shopper, product, 1);
            assertThat(added.status()).as("%s", added).isEqualTo(200);
        }

        // when
        Response oneMore = stack.addItem(shopper, products.get(50), 1);

        // then
        assertThat(errorFields(assertProblem(oneMore, 400))).containsExactly("productId");
        JsonNode cart = stack.cart(shopper).json();
        assertThat(productIds(cart)).containsExactlyElementsOf(products.subList(0, 50));
        Response toAnExistingLine = stack.addItem(shopper, products.get(0), 1);
        assertThat(toAnExistingLine.status()).as("adding to a line of a full cart: %s", toAnExistingLine)
                .isEqualTo(200);
        assertThat(line(toAnExistingLine.json(), products.get(0)).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void addItem_shouldAnswer404_forAnUnknownOrArchivedProduct() {
        Shopper shopper = stack.newShopper();
        String archived = stack.createProduct(500, 5, 100);
        assertThat(stack.archive(archived).status()).isEqualTo(204);

        JsonNode unknown = assertProblem(stack.addItem(shopper, UNKNOWN_PRODUCT, 1), 404);
        assertProblem(stack.addItem(shopper, archived, 1), 404);
        assertProblem(stack.addItem(shopper, "not a product id!", 1), 404);

        assertThat(unknown.path("type").asText()).endsWith("/product-not-found");
        assertThat(stack.cart(shopper).json().path("items")).isEmpty();
    }

    @Test
    void setQuantityAndRemove_shouldAnswer404_forAProductNotInTheCart() {
        Shopper shopper = stack.newShopper();
        String inCart = stack.createProduct(500, 5, 100);
        String notInCart = stack.createProduct(600, 5, 100);
        stack.addItem(shopper, inCart, 1);

        assertProblem(stack.setQuantity(shopper, notInCart, 2), 404);
        assertProblem(stack.removeItem(shopper, notInCart), 404);
        assertProblem(stack.setQuantity(shopper, UNKNOWN_PRODUCT, 2), 404);
        assertProblem(stack.removeItem(shopper, UNKNOWN_PRODUCT), 404);
        assertThat(productIds(stack.cart(shopper).json())).containsExactly(inCart);
    }

    @Test
    void addItem_shouldKeepEveryLine_whenTenTabsAddDifferentProductsAtOnce() throws Exception {
        // given
        Shopper shopper = stack.newShopper();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            products.add(stack.createProduct(100 * (i + 1), 10, 10));
        }

        // when
        List<Response> responses = stack.concurrently(products.size(), i -> stack.http().jsonPost("/cart/items",
                object("productId", products.get(i), "quantity", i + 1), "Authorization", shopper.authorization()));

        // then
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(200));
        JsonNode cart = stack.cart(shopper).json();
        assertThat(productIds(cart)).containsExactlyInAnyOrderElementsOf(products);
        for (int i = 0; i < products.size(); i++) {
            assertThat(line(cart, products.get(i)).path("quantity").asInt()).isEqualTo(i + 1);
        }
        assertThat(cart.path("itemCount").asInt()).isEqualTo(55);
    }

    private static String addBody(String productId, Object quantity) {
        return Http.text(object("productId", productId, "quantity", quantity));
    }

    private static Arguments bad(String label, String contentType, int status, List<String> namedFields,
            Function<String, String> body) {
        return Arguments.of(named(label, body), contentType, status, namedFields);
    }
}
