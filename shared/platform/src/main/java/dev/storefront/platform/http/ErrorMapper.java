package dev.storefront.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.auth.InvalidTokenException;
import dev.storefront.domain.error.AuthenticationException;
import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.error.DomainException;
import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.ForbiddenException;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.PreconditionFailedException;
import dev.storefront.domain.error.RateLimitedException;
import dev.storefront.domain.payment.PaymentDeclinedException;
import dev.storefront.domain.error.UnprocessableException;
import dev.storefront.domain.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP: every error is an RFC 9457 {@code application/problem+json}
 * document with the request id. Client mistakes keep their own message (written for clients);
 * anything unexpected becomes a generic 500 and is logged once with the request id.
 */
public final class ErrorMapper {

    /** Base of the problem type URIs; each type is documented in the OpenAPI description. */
    public static final String TYPE_BASE = "https://storefront.dev/problems/";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(409, "Conflict"),
            Map.entry(412, "Precondition Failed"),
            Map.entry(413, "Content Too Large"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Content"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    /** Maps any failure of a request to its problem response. */
    public ApiResponse toResponse(Throwable failure, ApiRequest request) {
        if (failure instanceof HttpException http) {
            return problem(http.status(), http.type(), http.getMessage(), http.errors(), http.headers(), request);
        }
        if (failure instanceof InvalidTokenException) {
            return problem(401, "invalid-token", failure.getMessage(), List.of(),
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""), request);
        }
        if (failure instanceof DomainException domain) {
            return fromDomain(domain, request);
        }
        LOG.error("unexpected failure handling {}", request.routeKey(), failure);
        return problem(500, "internal", "An unexpected error occurred. Quote the request id when reporting it.",
                List.of(), Map.of(), request);
    }

    private ApiResponse fromDomain(DomainException e, ApiRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        int status;
        if (e instanceof ValidationException) {
            status = 400;
        } else if (e instanceof AuthenticationException) {
            status = 401;
            headers.put("WWW-Authenticate", "Bearer");
        } else if (e instanceof ForbiddenException) {
            status = 403;
        } else if (e instanceof NotFoundException) {
            status = 404;
        } else if (e instanceof ConflictException) {
            status = 409;
        } else if (e instanceof PreconditionFailedException) {
            status = 412;
        } else if (e instanceof UnprocessableException) {
            status = 422;
        } else if (e instanceof RateLimitedException limited) {
            status = 429;
            headers.put("Retry-After", Long.toString(limited.retryAfterSeconds()));
        } else if (e instanceof PaymentDeclinedException declined) {
            ApiResponse response = problem(402, e.type(), e.getMessage(), e.errors(), headers, request);
            return withMember(response, "declineCode", declined.declineCode());
        } else {
            status = 400;
        }
        return problem(status, e.type(), e.getMessage(), e.errors(), headers, request);
    }

    /** The problem with one more member (RFC 9457 extension), e.g. {@code declineCode}. */
    private static ApiResponse withMember(ApiResponse problem, String name, String value) {
        try {
            ObjectNode body = (ObjectNode) Json.mapper().readTree(problem.body());
            body.put(name, value);
            return new ApiResponse(problem.status(), problem.headers(), Json.mapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem document is always JSON", e);
        }
    }

    /** Builds a problem response; also used for routing failures. */
    public ApiResponse problem(int status, String type, String detail, List<FieldError> errors,
            Map<String, String> headers, ApiRequest request) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", TYPE_BASE + type);
        body.put("title", TITLES.getOrDefault(status, "Error"));
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.path());
        body.put("requestId", request.requestId());
        if (!errors.isEmpty()) {
            ArrayNode list = body.putArray("errors");
            for (FieldError error : errors) {
                list.addObject().put("field", error.field()).put("message", error.message());
            }
        }
        Map<String, String> allHeaders = new LinkedHashMap<>(headers);
        allHeaders.put("Content-Type", ApiResponse.PROBLEM_JSON);
        try {
            return new ApiResponse(status, allHeaders, Json.mapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem document is always serializable", e);
        }
    }
}
