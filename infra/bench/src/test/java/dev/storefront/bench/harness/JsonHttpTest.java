package dev.storefront.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class JsonHttpTest {

    @Test
    void object_shouldNestObjectsAndKeepNumbers() {
        String json = JsonHttp.object("orderId", "o-1", "quantity", 2,
                "paymentMethod", JsonHttp.object("token", "tok_visa")).toString();

        assertThat(json).isEqualTo("{\"orderId\":\"o-1\",\"quantity\":2,\"paymentMethod\":{\"token\":\"tok_visa\"}}");
    }

    @Test
    void object_shouldReject_anOddNumberOfArguments() {
        assertThatThrownBy(() -> JsonHttp.object("name")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void response_shouldReadFields_andCheckTheStatus() {
        JsonHttp.Response response = new JsonHttp.Response(201, "{\"orderId\":\"o-1\",\"total\":{\"amount\":5}}");

        assertThat(response.field("orderId")).isEqualTo("o-1");
        assertThat(response.field("missing")).isEmpty();
        assertThat(response.json().path("total").path("amount").asInt()).isEqualTo(5);
        assertThat(response.expect(201, "checkout")).isSameAs(response);
        assertThatThrownBy(() -> response.expect(200, "checkout"))
                .hasMessage("checkout: expected 200, got 201 {\"orderId\":\"o-1\",\"total\":{\"amount\":5}}");
    }

    @Test
    void json_shouldSayWhatItGot_whenTheBodyIsNotJson() {
        assertThatThrownBy(() -> new JsonHttp.Response(502, "Bad Gateway").json())
                .isInstanceOf(UncheckedIOException.class).hasMessage("not JSON: Bad Gateway");
    }

    @Test
    void request_shouldResolveThePath_andSetTheTimeoutAndAuthorization() {
        try (JsonHttp http = new JsonHttp(URI.create("http://127.0.0.1:3000/"), 1)) {
            HttpRequest request = http.request("/orders/o-1", "Bearer t").GET().build();

            assertThat(request.uri()).isEqualTo(URI.create("http://127.0.0.1:3000/orders/o-1"));
            assertThat(request.timeout()).contains(JsonHttp.REQUEST_TIMEOUT);
            assertThat(request.headers().firstValue("Authorization")).contains("Bearer t");
            assertThat(http.request("/", null).GET().build().headers().firstValue("Authorization")).isEmpty();
        }
    }
}
