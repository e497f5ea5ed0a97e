package dev.storefront.platform.http;

import dev.storefront.domain.error.FieldError;
import java.util.List;
import java.util.Map;

/**
 * A protocol-level client error detected by the platform (content type, body size, malformed JSON,
 * missing idempotency key…), as opposed to a domain rule. The detail is written for the client.
 */
public final class HttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final transient List<FieldError> errors;
    private final transient Map<String, String> headers;

    public HttpException(int status, String type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public HttpException(int status, String type, String detail) {
        this(status, type, detail, List.of(), Map.of());
    }

    public static HttpException badRequest(String type, String detail, List<FieldError> errors) {
        return new HttpException(400, type, detail, errors, Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
