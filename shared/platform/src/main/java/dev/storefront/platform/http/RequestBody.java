package dev.storefront.platform.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.storefront.domain.error.FieldError;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Binds a JSON request body to a DTO, turning every client mistake into a precise 4xx. */
final class RequestBody {

    /** The contract's body limit. */
    static final int MAX_BYTES = 64 * 1024;

    private RequestBody() {
    }

    static <T> T read(ApiRequest request, Class<T> type) {
        String contentType = request.header("content-type").orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new HttpException(415, "unsupported-media-type",
                    "Send the request body as application/json.");
        }
        byte[] body = request.body();
        if (body.length > MAX_BYTES) {
            throw new HttpException(413, "payload-too-large", "The request body exceeds " + MAX_BYTES + " bytes.");
        }
        if (body.length == 0) {
            throw HttpException.badRequest("malformed-json", "A JSON request body is required.", List.of());
        }
        T value;
        try {
            value = Json.mapper().readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw HttpException.badRequest("unknown-field", "The request has a field this operation does not accept.",
                    List.of(new FieldError(path(e), "is not a known field")));
        } catch (StreamConstraintsException e) {
            throw HttpException.badRequest("malformed-json", "The JSON body exceeds the allowed size or nesting.",
                    List.of());
        } catch (JsonParseException e) {
            throw HttpException.badRequest("malformed-json", "The request body is not valid JSON.", List.of());
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw HttpException.badRequest("malformed-json", "The request body must be a JSON object.", List.of());
            }
            throw HttpException.badRequest("invalid-field", "A field has the wrong type.",
                    List.of(new FieldError(path(e), "has the wrong type or format")));
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw HttpException.badRequest("malformed-json", "The request body is not valid JSON.", List.of());
            }
            throw HttpException.badRequest("invalid-field", "A field has an invalid value.",
                    List.of(new FieldError(path(e), "has an invalid value")));
        } catch (JacksonException e) {
            throw HttpException.badRequest("malformed-json", "The request body is not valid JSON.", List.of());
        } catch (IOException e) {
            throw HttpException.badRequest("malformed-json", "The request body could not be read.", List.of());
        }
        if (value == null) {
            throw HttpException.badRequest("malformed-json", "The request body must be a JSON object.", List.of());
        }
        if (value instanceof Validatable validatable) {
            List<FieldError> errors = validatable.validate();
            if (!errors.isEmpty()) {
                throw HttpException.badRequest("validation", "The request is not valid.", errors);
            }
        }
        return value;
    }

    /** The JSON path of the failing field, e.g. {@code items[2].quantity}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
