package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static dev.storefront.local.e2e.Shop.PASSWORD;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.errorFields;
import static dev.storefront.local.e2e.Shop.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.local.ApiDocument;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Placed;
import dev.storefront.local.e2e.Shop.Shopper;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The API contract end to end: the document as the local gateway serves it ({@code GET /openapi.json}, OpenAPI
 * 3.1 with this gateway as its server, and the {@code GET /docs} reference page listing every operation), and
 * the violations the contract fuzzing of {@code .ci/run} found, pinned here so that they stay fixed. Runs on
 * the shop's shared stack.
 */
class ApiContractE2EIT extends SharedStackE2E {

    private static final Path DOCUMENT = Path.of("../../docs/openapi.yaml");
    /** Longer than any id, and than the 2 KB DynamoDB allows in a key. */
    private static final String HUGE_ID = "A".repeat(3000);

    @Test
    void openapiJson_shouldBeTheDocumentAsJson_inOpenApi31_servedFromThisGateway() {
        // when
        Response response = stack.http().get("/openapi.json");

        // then
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode document = response.json();
        assertThat(document.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(document.path("servers")).hasSize(1);
        assertThat(document.path("servers").path(0).path("url").asText())
                .isEqualTo(stack.storefront().baseUrl().toString());
        JsonNode expected = ApiDocument.load(DOCUMENT).tree();
        assertThat(document.path("paths")).isEqualTo(expected.path("paths"));
        assertThat(document.path("components")).isEqualTo(expected.path("components"));
    }

    @Test
    void docs_shouldBeAnHtmlPageListingEveryOperation_thatLoadsNothingFromElsewhere() {
        // given
        List<String> operations = ApiDocument.load(DOCUMENT).operations().stream()
                .map(ApiDocument.Operation::routeKey).toList();

        // when
        Response response = stack.http().get("/docs");

        // then
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.header("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).startsWith("default-src 'none'"));
        String html = response.body();
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(listedOperations(html)).hasSizeGreaterThan(20).containsExactlyInAnyOrderElementsOf(operations);
        assertThat(html).doesNotContainPattern("(?i)<script|<link|<img|<iframe|@import|url\\(|\\ssrc=");
    }

    @Test
    void docsRoutes_shouldOnlyAnswerGet_otherMethodsGoToTheApi() {
        Response post = stack.http().send(stack.http().request("/openapi.json")
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertProblem(post, 404);
    }

    @Test
    void pay_shouldAnswer404_forAnOrderIdThatCannotNameAnOrder() {
        // given: found by schemathesis - {"orderId": ""} was a 500 (DynamoDB refuses an empty key)
        Shopper shopper = stack.newShopper();

        for (String orderId : List.of("", HUGE_ID, "01J/../x")) {
            // when
            Response response = stack.pay(shopper, orderId, "tok_visa", key());

            // then
            assertThat(assertProblem(response, 404).path("type").asText()).endsWith("/order-not-found");
        }
    }

    @Test
    void payments_shouldAnswer404_forAPaymentIdThatCannotNameAPayment() {
        // given: a 3000-character id was a 500 on both routes (over DynamoDB's key size)
        Shopper shopper = stack.newShopper();

        // when
        Response read = stack.getPayment(shopper, HUGE_ID);
        Response refund = stack.http().post("/payments/" + HUGE_ID + "/refunds", object(),
                "Authorization", stack.admin(), "Idempotency-Key", key());

        // then
        assertThat(assertProblem(read, 404).path("type").asText()).endsWith("/payment-not-found");
        assertThat(assertProblem(refund, 404).path("type").asText()).endsWith("/payment-not-found");
    }

    @Test
    void refund_shouldAnswer400NamingTheCurrency_whenItIsNotAnIso4217Code() {
        // given: found by schemathesis - {"amount": {"amount": 0, "currency": ""}} was a 500
        Shopper shopper = stack.newShopper();
        Placed placed = stack.placeOrder(shopper, 1999, 1);
        String paymentId = stack.pay(shopper, placed.orderId(), "tok_visa", key()).field("paymentId");

        for (String currency : List.of("", "usd", "EURO")) {
            // when
            Response response = stack.http().post("/payments/" + paymentId + "/refunds",
                    object("amount", object("amount", 100, "currency", currency)),
                    "Authorization", stack.admin(), "Idempotency-Key", key());

            // then
            assertThat(errorFields(assertProblem(response, 400))).containsExactly("amount.currency");
        }
        assertThat(stack.getPayment(shopper, paymentId).json().path("status").asText()).isEqualTo("CAPTURED");
    }

    @Test
    void login_shouldAnswer400NamingTheEmail_whenItIsLongerThanAnyAccountCanHave() {
        // given: an email over the users table's 2 KB key limit was a 500
        Response response = stack.http().post("/auth/login",
                object("email", HUGE_ID + "@example.com", "password", PASSWORD));

        // then
        assertThat(errorFields(assertProblem(response, 400))).containsExactly("email");
    }

    /** The operations the page lists, from their headings: {@code <span class="m get">GET</span>/path}. */
    private static List<String> listedOperations(String html) {
        Matcher heading = Pattern.compile("<article id=\"op-[^\"]+\"><h3><span class=\"m [a-z]+\">([A-Z]+)</span>([^<]+)<")
                .matcher(html);
        List<String> listed = new ArrayList<>();
        while (heading.find()) {
            listed.add(heading.group(1) + " " + heading.group(2));
        }
        return listed;
    }
}
