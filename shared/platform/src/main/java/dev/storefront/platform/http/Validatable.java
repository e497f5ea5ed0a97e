package dev.storefront.platform.http;

import dev.storefront.domain.error.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * A request DTO that checks its own shape after JSON binding: required fields present, sizes within
 * bounds. Business rules stay in the domain.
 */
public interface Validatable {

    /** The problems with this request; empty when it is acceptable. */
    List<FieldError> validate();

    /** Helper for implementations: a list of errors for the fields that are {@code null}. */
    static List<FieldError> requireAll(Object... namesAndValues) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                errors.add(new FieldError((String) namesAndValues[i], "is required"));
            }
        }
        return errors;
    }
}
