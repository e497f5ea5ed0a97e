package dev.storefront.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.local.e2e.Http.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The HTTP samples of {@code events/} sent as the requests they describe, through the local gateway of
 * {@code template.yaml}, with their placeholders replaced as events/README.md says (a real token with the
 * placeholder's subject and roles, a fresh webhook signature): each is a request its function accepts as well
 * formed. A 5xx, a refused token, or a 4xx saying that the body, a parameter or a header is malformed is a broken
 * sample; any other answer is the function's to give.
 *
 * <p>On the shop's shared stack, so nothing here may need a fresh one. The samples' ids ({@code 01JD...}, of 2024,
 * and the subjects of their tokens) name nothing another class creates, since the stack's ids carry the time they were
 * made: their 404s are expected whatever ran before. The sign-up and the product create may find their email or SKU
 * taken (a 409, not a broken sample). The one state a sample needs, the account the login sample logs in to, no
 * other class signs up, and the test makes it itself: the sign-up sample is sent first.
 */
class SampleEventsE2EIT extends SharedStackE2E {

    private static final Path EVENTS = Path.of("../../events");
    /** Problem types of a request that is malformed in itself: no sample may get one. */
    private static final Set<String> MALFORMED = Set.of("malformed-json", "unknown-field", "invalid-field", "validation",
            "unsupported-media-type", "payload-too-large", "idempotency-key-required", "invalid-idempotency-key",
            "invalid-signature", "invalid-event", "no-route");
    /** Set by the gateway or the HTTP client, not by the caller. */
    private static final Set<String> NOT_SENT = Set.of("host", "content-length", "x-forwarded-for", "x-forwarded-port",
            "x-forwarded-proto", "x-amzn-trace-id");
    /** The one sample whose placeholder is not replaced: a refresh token only a login hands out. */
    private static final String REFRESH = "accounts/refresh.json";

    @Test
    void everyHttpSample_shouldBeARequestItsFunctionAcceptsAsWellFormed() {
        // given: the sign-up first, so that the login that follows knows the account
        List<Path> files = samples().stream()
                .sorted(Comparator.comparing((Path file) -> !file.endsWith("signup.json")).thenComparing(Path::toString))
                .toList();
        List<String> broken = new ArrayList<>();

        // when
        for (Path file : files) {
            String name = EVENTS.relativize(file).toString().replace('\\', '/');
            JsonNode event = read(file);
            if (!"2.0".equals(event.path("version").asText())) {
                continue;
            }
            Response response = stack.http().send(request(event));

            // then
            String problemType = problemType(response);
            boolean refused = response.status() == 401 && !name.equals(REFRESH) || response.status() == 403;
            boolean unmatched = event.path("routeKey").asText().equals("$default");
            if (unmatched ? !problemType.equals("no-route") : refused || MALFORMED.contains(problemType)) {
                broken.add(name + ": " + response.status() + " " + response.body());
            }
        }
        assertThat(files).as("the samples were read").hasSizeGreaterThan(20);
        assertThat(broken).isEmpty();
    }

    private static HttpRequest request(JsonNode event) {
        String method = event.path("requestContext").path("http").path("method").asText();
        String query = event.path("rawQueryString").asText();
        String path = event.path("rawPath").asText() + (query.isEmpty() ? "" : "?" + query);
        byte[] body = event.has("body") ? body(event) : new byte[0];
        HttpRequest.Builder builder = stack.http().request(path).method(method, body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        event.path("headers").properties().forEach(header -> {
            String name = header.getKey();
            String value = header.getValue().asText();
            if (NOT_SENT.contains(name)) {
                return;
            }
            if (name.equals("authorization")) {
                value = "Bearer " + realToken(value);
            } else if (name.equals("stripe-signature")) {
                value = stack.webhookSigner().sign(body, Instant.now());
            }
            builder.header(name, value);
        });
        return builder.build();
    }

    /** A token of the stack with the subject and roles of the sample's placeholder. */
    private static String realToken(String placeholder) {
        String payload = placeholder.substring("Bearer ".length()).split("\\.")[1];
        JsonNode claims = read(Base64.getUrlDecoder().decode(payload));
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(role -> roles.add(role.asText()));
        return stack.tokens().signed(claims.path("sub").asText(), builder -> builder.claim("roles", roles));
    }

    private static byte[] body(JsonNode event) {
        String text = event.path("body").asText();
        return event.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(text)
                : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String problemType(Response response) {
        if (!response.header("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "";
        }
        String type = response.json().path("type").asText();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private static List<Path> samples() {
        try (Stream<Path> files = Files.walk(EVENTS)) {
            return files.filter(file -> file.toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Http.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
