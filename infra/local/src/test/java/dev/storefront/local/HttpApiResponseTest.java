package dev.storefront.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpApiResponseTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private HttpApiResponse map(String output) {
        return HttpApiResponse.fromLambdaOutput(mapper, output.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void structuredResponse_shouldMapStatusHeadersCookiesAndBody() {
        HttpApiResponse response = map("""
                {"statusCode":404,"headers":{"content-type":"application/problem+json"},
                 "multiValueHeaders":{"x-m":["1","2"]},"cookies":["a=1","b=2"],"body":"{\\"x\\":1}"}""");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("content-type", List.of("application/problem+json"))
                .containsEntry("x-m", List.of("1", "2")).containsEntry("Set-Cookie", List.of("a=1", "b=2"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"x\":1}");
    }

    @Test
    void base64Body_shouldBeDecoded() {
        assertThat(map("{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"AAEC\"}").body()).containsExactly(0, 1, 2);
    }

    @Test
    void responseWithoutStatusCode_shouldBeA200JsonBody() {
        HttpApiResponse object = map("{\"a\":1}");
        HttpApiResponse string = map("\"hello\"");

        assertThat(object.status()).isEqualTo(200);
        assertThat(object.headers()).containsEntry("Content-Type", List.of("application/json"));
        assertThat(new String(object.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(new String(string.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void invalidOutput_shouldBeRejected() {
        assertThatThrownBy(() -> map("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map("{\"statusCode\":42}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void internalServerError_shouldLookLikeApiGateway() {
        HttpApiResponse response = HttpApiResponse.internalServerError();

        assertThat(response.status()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
}
