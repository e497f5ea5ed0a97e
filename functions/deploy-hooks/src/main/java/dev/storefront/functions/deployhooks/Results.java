package dev.storefront.functions.deployhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Reading what an invoked function returned. */
final class Results {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 300;

    private Results() {
    }

    /** The function's result as JSON, or why there is none (Lambda refused, the function failed, not JSON). */
    static Outcome parse(Invocation invocation) {
        if (invocation.statusCode() != 200) {
            return Outcome.failed("Lambda answered the invocation with " + invocation.statusCode());
        }
        if (invocation.functionError() != null) {
            return Outcome.failed("the function failed (" + invocation.functionError() + "): "
                    + excerpt(invocation.payload()));
        }
        Optional<JsonNode> json = json(invocation.payload());
        if (json.isEmpty() || !json.get().isObject()) {
            return Outcome.failed("the function's result is not a JSON object: " + excerpt(invocation.payload()));
        }
        return new Outcome(json.get(), null);
    }

    static Optional<JsonNode> json(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static String excerpt(String text) {
        if (text == null) {
            return "(nothing)";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "...";
    }

    /** A parsed result, or the reason there is none. */
    record Outcome(JsonNode result, String failure) {
        static Outcome failed(String failure) {
            return new Outcome(null, failure);
        }

        boolean ok() {
            return failure == null;
        }
    }
}
