package dev.storefront.platform.config;

/**
 * Checks shared by the typed configurations: a required setting that is missing or blank fails the init with a
 * message naming its environment variable; values never appear in messages.
 */
public final class Setting {

    private Setting() {
    }

    /** The value, trimmed; fails naming {@code variable} when it is absent or blank. */
    public static String required(String value, String variable) {
        String present = optional(value);
        if (present == null) {
            throw new MissingSettingException(variable);
        }
        return present;
    }

    /** The value, trimmed, or null when it is absent or blank. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The value, trimmed, or the default when it is absent or blank. */
    public static String orDefault(String value, String defaultValue) {
        String present = optional(value);
        return present == null ? defaultValue : present;
    }

    /** The number, or the default when absent; fails naming {@code variable} when below {@code min}. */
    public static long atLeast(Long value, long defaultValue, long min, String variable) {
        long number = value == null ? defaultValue : value;
        if (number < min) {
            throw new InvalidSettingException(variable, "must be at least " + min);
        }
        return number;
    }

    /** A required setting is absent. */
    public static final class MissingSettingException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        MissingSettingException(String variable) {
            super("missing required environment variable " + variable);
        }
    }

    /** A setting has a value of the wrong shape. */
    public static final class InvalidSettingException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public InvalidSettingException(String variable, String rule) {
            super("environment variable " + variable + " " + rule);
        }
    }
}
