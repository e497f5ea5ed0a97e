package dev.storefront.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.auth.InvalidTokenException;
import dev.storefront.domain.error.AuthenticationException;
import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.ForbiddenException;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.PreconditionFailedException;
import dev.storefront.domain.error.RateLimitedException;
import dev.storefront.domain.error.UnprocessableException;
import dev.storefront.domain.error.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMapperTest {

    private final ErrorMapper mapper = new ErrorMapper();
    private final ApiRequest request = Requests.get("/orders/1", Map.of());

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ValidationException("validation", "bad", List.of(new FieldError("email", "x"))), 400),
                Arguments.of(HttpException.badRequest("malformed-json", "bad json", List.of()), 400),
                Arguments.of(new AuthenticationException("unauthorized", "who are you"), 401),
                Arguments.of(new InvalidTokenException("The access token is not valid."), 401),
                Arguments.of(new ForbiddenException("forbidden", "no"), 403),
                Arguments.of(new NotFoundException("not-found", "none"), 404),
                Arguments.of(new ConflictException("conflict", "again"), 409),
                Arguments.of(new PreconditionFailedException("precondition-failed", "stale"), 412),
                Arguments.of(new HttpException(413, "payload-too-large", "big"), 413),
                Arguments.of(new HttpException(415, "unsupported-media-type", "json please"), 415),
                Arguments.of(new UnprocessableException("idempotency-key-reused", "other body"), 422),
                Arguments.of(new RateLimitedException("slow down", Duration.ofMillis(1500)), 429));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void toResponse_shouldWriteAProblemDocument(RuntimeException failure, int status) throws Exception {
        ApiResponse response = mapper.toResponse(failure, request);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asText()).startsWith(ErrorMapper.TYPE_BASE);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isEqualTo(failure.getMessage());
        assertThat(body.get("instance").asText()).isEqualTo("/orders/1");
        assertThat(body.get("requestId").asText()).isEqualTo("req-1");
    }

    @Test
    void toResponse_shouldChallengeWithBearer_on401() {
        assertThat(mapper.toResponse(new AuthenticationException("unauthorized", "x"), request)
                .header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(mapper.toResponse(new InvalidTokenException("x"), request).header("WWW-Authenticate"))
                .isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void toResponse_shouldRoundRetryAfterUp_on429() {
        assertThat(mapper.toResponse(new RateLimitedException("x", Duration.ofMillis(1500)), request)
                .header("Retry-After")).isEqualTo("2");
    }

    @Test
    void toResponse_shouldListFieldErrors() throws Exception {
        ApiResponse response = mapper.toResponse(
                new ValidationException("validation", "bad", List.of(new FieldError("email", "is required"))), request);

        JsonNode error = Json.mapper().readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("email");
        assertThat(error.get("message").asText()).isEqualTo("is required");
    }

    @Test
    void toResponse_shouldHideUnexpectedFailures() {
        ApiResponse response = mapper.toResponse(
                new IllegalStateException("table Users-XYZ secret=hunter2 at com.example.Foo"), request);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("hunter2", "Users-XYZ", "IllegalStateException", "com.example");
    }
}
