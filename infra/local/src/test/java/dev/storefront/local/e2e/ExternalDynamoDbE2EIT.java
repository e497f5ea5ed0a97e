package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Shop.UNITS;
import static dev.storefront.local.e2e.Shop.await;
import static dev.storefront.local.e2e.Shop.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Placed;
import dev.storefront.local.e2e.Shop.Shopper;
import dev.storefront.localcloud.MotoServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The storefront on a DynamoDB it did not start ({@code STOREFRONT_DYNAMODB_ENDPOINT}): tables created there from
 * the template, functions and stream polling pointed at it. Here a second moto, started by the test, plays that part; its
 * twin {@code LocalStackE2EIT} runs the same path on LocalStack where Docker is available.
 */
class ExternalDynamoDbE2EIT {

    /** The DynamoDB endpoint of the run; started (and stopped when the JVM exits) by the subclass's choice. */
    URI dynamoDbEndpoint() {
        MotoServer server = MotoServer.startInMemory();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server.endpoint();
    }

    @Test
    void journey_shouldRunOnTheExternalDynamoDb_streamsIncluded() {
        URI endpoint = dynamoDbEndpoint();
        try (Stack stack = Stack.start(Map.of("STOREFRONT_DYNAMODB_ENDPOINT", endpoint.toString()))) {
            assertThat(stack.storefront().dynamoDbEndpoint()).isEqualTo(endpoint);
            Shopper shopper = stack.newShopper();
            Placed placed = stack.placeOrder(shopper, 1999, 2);
            Response paid = stack.pay(shopper, placed.orderId(), "tok_visa", key());
            assertThat(paid.status()).as("%s", paid).isEqualTo(201);

            // the orders stream of that DynamoDB reaches the shipment creator
            JsonNode order = await(Duration.ofSeconds(15), () -> stack.getOrder(shopper, placed.orderId()).json(),
                    read -> "FULFILLING".equals(read.path("status").asText()));
            assertThat(order.path("status").asText()).as("%s", order).isEqualTo("FULFILLING");
            assertThat(order.path("shipment").path("trackingNumber").asText()).isNotBlank();
            assertThat(stack.storedStock(placed.productId())).isEqualTo(UNITS - 2);
        }
    }
}
