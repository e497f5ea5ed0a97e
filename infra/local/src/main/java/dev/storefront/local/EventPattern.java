package dev.storefront.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The subset of EventBridge/Lambda event-filtering patterns the local gateway understands: nested fields,
 * arrays of literal alternatives, and {@code prefix}, {@code suffix}, {@code exists}, {@code anything-but},
 * {@code equals-ignore-case} matchers.
 */
final class EventPattern {
    private EventPattern() {
    }

    static boolean matches(JsonNode pattern, JsonNode event) {
        for (Map.Entry<String, JsonNode> field : pattern.properties()) {
            JsonNode expected = field.getValue();
            JsonNode actual = event == null ? null : event.get(field.getKey());
            if (expected.isObject()) {
                if (actual == null || !actual.isObject() || !matches(expected, actual)) {
                    return false;
                }
            } else if (expected.isArray()) {
                if (!anyMatches(expected, actual)) {
                    return false;
                }
            } else if (actual == null || !scalarEquals(expected, actual)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatches(JsonNode alternatives, JsonNode actual) {
        for (JsonNode alternative : alternatives) {
            if (alternative.isObject()) {
                if (matcher(alternative, actual)) {
                    return true;
                }
            } else if (actual != null && (actual.isArray() ? contains(actual, alternative) : scalarEquals(alternative, actual))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (scalarEquals(value, item)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matcher(JsonNode matcher, JsonNode actual) {
        if (matcher.has("exists")) {
            return matcher.get("exists").asBoolean() == (actual != null);
        }
        if (actual == null || !actual.isValueNode()) {
            return false;
        }
        String text = actual.asText();
        if (matcher.has("prefix")) {
            return text.startsWith(matcher.get("prefix").asText());
        }
        if (matcher.has("suffix")) {
            return text.endsWith(matcher.get("suffix").asText());
        }
        if (matcher.has("equals-ignore-case")) {
            return text.equalsIgnoreCase(matcher.get("equals-ignore-case").asText());
        }
        if (matcher.has("anything-but")) {
            JsonNode excluded = matcher.get("anything-but");
            return excluded.isArray() ? !contains(excluded, actual) : !scalarEquals(excluded, actual);
        }
        return false;
    }

    private static boolean scalarEquals(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isNull()) {
            return actual.isNull();
        }
        return expected.asText().equals(actual.asText());
    }
}
