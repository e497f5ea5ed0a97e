package dev.storefront.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {

    private final HttpApiEvents events = new HttpApiEvents(new ObjectMapper(), "123456789012", "local");

    private ObjectNode build(Map<String, List<String>> headers, String query, byte[] body) {
        HttpRequestData request = new HttpRequestData("POST", "/items/7", query, headers, body, "127.0.0.1", "HTTP/1.1");
        RouteTable.Match match = new RouteTable.Match(new HttpRoute("POST", "/items/{id}", "f"), Map.of("id", "7"));
        return events.build(request, match, "req-1", Instant.parse("2026-11-22T10:15:30Z"));
    }

    @Test
    void build_shouldLowercaseAndJoinHeaders_andMoveCookies() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Multi", List.of("a", "b"));
        headers.put("Cookie", List.of("a=1; b=2", "c=3"));
        headers.put("Host", List.of("127.0.0.1:3000"));

        ObjectNode event = build(headers, "", new byte[0]);

        assertThat(event.path("headers").path("x-multi").asText()).isEqualTo("a,b");
        assertThat(event.path("headers").has("cookie")).isFalse();
        assertThat(event.path("headers").path("x-forwarded-port").asText()).isEqualTo("3000");
        assertThat(event.path("cookies")).extracting(n -> n.asText()).containsExactly("a=1", "b=2", "c=3");
        assertThat(event.path("requestContext").path("domainName").asText()).isEqualTo("127.0.0.1:3000");
        assertThat(event.path("requestContext").path("time").asText()).isEqualTo("22/Nov/2026:10:15:30 +0000");
        assertThat(event.path("requestContext").path("timeEpoch").asLong()).isEqualTo(Instant.parse("2026-11-22T10:15:30Z").toEpochMilli());
        assertThat(event.path("routeKey").asText()).isEqualTo("POST /items/{id}");
        assertThat(event.has("queryStringParameters")).isFalse();
        assertThat(event.has("body")).isFalse();
    }

    @Test
    void build_shouldDecodeAndJoinQueryParameters() {
        ObjectNode event = build(Map.of(), "a=1&a=2&b=x+y&c=%26&d", new byte[0]);

        assertThat(event.path("rawQueryString").asText()).isEqualTo("a=1&a=2&b=x+y&c=%26&d");
        assertThat(event.path("queryStringParameters").path("a").asText()).isEqualTo("1,2");
        assertThat(event.path("queryStringParameters").path("b").asText()).isEqualTo("x y");
        assertThat(event.path("queryStringParameters").path("c").asText()).isEqualTo("&");
        assertThat(event.path("queryStringParameters").path("d").asText()).isEmpty();
    }

    @Test
    void build_shouldBase64EncodeNonTextBodies() {
        byte[] body = "k=v".getBytes(StandardCharsets.UTF_8);

        ObjectNode json = build(Map.of("Content-Type", List.of("application/json; charset=utf-8")), "", body);
        ObjectNode form = build(Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), "", body);
        ObjectNode none = build(Map.of(), "", body);

        assertThat(json.path("body").asText()).isEqualTo("k=v");
        assertThat(json.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(form.path("body").asText()).isEqualTo("az12");
        assertThat(form.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(none.path("isBase64Encoded").asBoolean()).isTrue();
    }

    @Test
    void isText_shouldRecogniseTextualTypes() {
        assertThat(HttpApiEvents.isText("text/plain")).isTrue();
        assertThat(HttpApiEvents.isText("application/problem+json")).isTrue();
        assertThat(HttpApiEvents.isText("application/xml")).isTrue();
        assertThat(HttpApiEvents.isText("image/png")).isFalse();
        assertThat(HttpApiEvents.isText(null)).isFalse();
    }
}
