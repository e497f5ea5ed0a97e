package dev.storefront.functions.deployhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A check of a JSON document: empty when it is as expected, else what is wrong with it. */
@FunctionalInterface
public interface ResultCheck {

    Optional<String> problem(JsonNode document);

    ResultCheck ANY_OBJECT = document -> Optional.empty();

    /** A non-empty array named {@code field} whose items all have {@code itemField}. */
    static ResultCheck nonEmptyArray(String field, String itemField) {
        return document -> {
            JsonNode array = document.path(field);
            if (!array.isArray() || array.isEmpty()) {
                return Optional.of("\"" + field + "\" is not a non-empty array");
            }
            for (JsonNode item : array) {
                if (item.path(itemField).isMissingNode() || item.path(itemField).isNull()) {
                    return Optional.of("an item of \"" + field + "\" has no \"" + itemField + "\"");
                }
            }
            return Optional.empty();
        };
    }

    /** An array named {@code field}, possibly empty. */
    static ResultCheck array(String field) {
        return document -> document.path(field).isArray() ? Optional.empty()
                : Optional.of("\"" + field + "\" is not an array");
    }

    /** A whole number of at least {@code min} named {@code field}. */
    static ResultCheck count(String field, long min) {
        return document -> document.path(field).canConvertToLong() && document.path(field).isIntegralNumber()
                && document.path(field).asLong() >= min ? Optional.empty()
                : Optional.of("\"" + field + "\" is not a whole number of at least " + min);
    }

    /** A boolean named {@code field}. */
    static ResultCheck bool(String field) {
        return document -> document.path(field).isBoolean() ? Optional.empty()
                : Optional.of("\"" + field + "\" is not a boolean");
    }

    /** A whole number named {@code field} equal to {@code expected}. */
    static ResultCheck equalTo(String field, long expected) {
        return document -> document.path(field).isIntegralNumber() && document.path(field).asLong() == expected
                ? Optional.empty() : Optional.of("\"" + field + "\" is not " + expected);
    }
}
