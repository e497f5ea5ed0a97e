package dev.storefront.domain.account;

import dev.storefront.domain.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Input rules of the accounts contract: email shape, password and name lengths. */
public final class AccountRules {

    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 128;
    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;

    /**
     * A pragmatic address check: one {@code @}, a non-empty local part without spaces, and a domain of
     * dot-separated labels ending in a letter TLD. Deliverability is not our business; typos are.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}$");

    private AccountRules() {
    }

    /** Trims and lower-cases an email so that addresses compare case-insensitively. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static List<FieldError> checkSignup(String email, String password, String name) {
        List<FieldError> errors = new ArrayList<>();
        checkEmail(email).ifPresent(errors::add);
        checkPassword(password).ifPresent(errors::add);
        String trimmedName = name.strip();
        if (trimmedName.isEmpty()) {
            errors.add(new FieldError("name", "must not be empty"));
        } else if (trimmedName.codePointCount(0, trimmedName.length()) > NAME_MAX) {
            errors.add(new FieldError("name", "must be at most " + NAME_MAX + " characters"));
        } else if (trimmedName.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "must not contain control characters"));
        }
        return errors;
    }

    static Optional<FieldError> checkEmail(String email) {
        String normalized = normalizeEmail(email);
        if (normalized.length() > EMAIL_MAX || !EMAIL.matcher(normalized).matches()) {
            return Optional.of(new FieldError("email", "must be a valid email address"));
        }
        return Optional.empty();
    }

    static Optional<FieldError> checkPassword(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < PASSWORD_MIN) {
            return Optional.of(new FieldError("password", "must be at least " + PASSWORD_MIN + " characters"));
        }
        if (length > PASSWORD_MAX) {
            return Optional.of(new FieldError("password", "must be at most " + PASSWORD_MAX + " characters"));
        }
        return Optional.empty();
    }
}
