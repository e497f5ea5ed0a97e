package dev.storefront.platform.config;

import java.util.Map;
import java.util.Optional;

/**
 * Typed access to environment settings. A required setting that is missing or blank fails at
 * init with a message naming the variable; values are never included in messages.
 */
public final class Settings {

    private final Map<String, String> variables;

    public Settings(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** Settings of the running function (see {@link LambdaEnvironment}). */
    public static Settings fromEnvironment() {
        return new Settings(LambdaEnvironment.variables());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new MissingSettingException(name));
    }

    public Optional<String> optional(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String orDefault(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public boolean flag(String name, boolean defaultValue) {
        return optional(name).map(value -> {
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw new InvalidSettingException(name, "must be true or false");
        }).orElse(defaultValue);
    }

    public int integer(String name, int defaultValue) {
        return optional(name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(name, "must be an integer");
            }
        }).orElse(defaultValue);
    }

    /** A required setting is absent. */
    public static final class MissingSettingException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        MissingSettingException(String name) {
            super("missing required environment variable " + name);
        }
    }

    /** A setting has a value of the wrong shape. */
    public static final class InvalidSettingException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public InvalidSettingException(String name, String rule) {
            super("environment variable " + name + " " + rule);
        }
    }
}
