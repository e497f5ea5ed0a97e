package dev.storefront.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a local stack. {@link #fromEnvironment} reads the variables of {@code ./storefront local}
 * ({@code STOREFRONT_PORT}, {@code STOREFRONT_DATA_DIR}, {@code STOREFRONT_LOCAL_MAX_INSTANCES}, {@code AWS_REGION},
 * {@code STOREFRONT_RESERVATION_TTL_SECONDS}, {@code STOREFRONT_LOG_FORMAT}).
 */
public final class LocalOptions {

    /** Default port of {@code ./storefront local}. */
    public static final int DEFAULT_PORT = 3000;

    /**
     * The functions' log format ({@code dev.storefront.platform.log.LogFormat}): {@code text} (one readable line per
     * event, the local default) or {@code json} (Lambda's lines, as {@code --json-logs}).
     */
    public static final String LOG_FORMAT = "STOREFRONT_LOG_FORMAT";

    private final Path template;
    private final int port;
    private final Path dataDirectory;
    private final int maxInstances;
    private final LocalSeeder seeder;
    private final Map<String, Object> parameters;
    private final Map<String, String> environmentOverrides;
    private final Map<String, String> settings;
    private final boolean preferPathRedis;
    private final String region;
    private final java.net.URI dynamoDbEndpoint;
    private final boolean jsonLogs;

    private LocalOptions(Builder builder) {
        this.template = Objects.requireNonNull(builder.template, "template");
        this.port = builder.port;
        this.dataDirectory = builder.dataDirectory;
        this.maxInstances = builder.maxInstances;
        this.seeder = builder.seeder;
        this.parameters = Map.copyOf(builder.parameters);
        this.environmentOverrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.environmentOverrides));
        this.settings = Map.copyOf(builder.settings);
        this.preferPathRedis = builder.preferPathRedis;
        this.region = builder.region;
        this.dynamoDbEndpoint = builder.dynamoDbEndpoint;
        this.jsonLogs = builder.jsonLogs;
    }

    public static Builder builder(Path template) {
        return new Builder(template);
    }

    /** Options from the runner's environment (flags may override them afterwards through the builder). */
    public static Builder fromEnvironment(Map<String, String> env, Path template) {
        Builder builder = builder(template).settings(env);
        if (env.get("STOREFRONT_PORT") != null) {
            builder.port(Integer.parseInt(env.get("STOREFRONT_PORT").trim()));
        }
        if (env.get("STOREFRONT_DATA_DIR") != null && !env.get("STOREFRONT_DATA_DIR").isBlank()) {
            builder.dataDirectory(Path.of(env.get("STOREFRONT_DATA_DIR")).toAbsolutePath());
        }
        if (env.get("STOREFRONT_LOCAL_MAX_INSTANCES") != null) {
            builder.maxInstances(Integer.parseInt(env.get("STOREFRONT_LOCAL_MAX_INSTANCES").trim()));
        }
        if (env.get("AWS_REGION") != null && !env.get("AWS_REGION").isBlank()) {
            builder.region(env.get("AWS_REGION"));
        }
        builder.preferPathRedis("path".equalsIgnoreCase(env.get("STOREFRONT_LOCAL_REDIS")));
        String logFormat = env.get(LOG_FORMAT);
        if (logFormat != null && !logFormat.isBlank()) {
            switch (logFormat.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "json" -> builder.jsonLogs(true);
                case "text" -> builder.jsonLogs(false);
                default -> throw new IllegalArgumentException(LOG_FORMAT + " must be text or json, not " + logFormat);
            }
        }
        // Read by the functions, not the seeder: it must override the template's deployed value.
        String reservation = env.get("STOREFRONT_RESERVATION_TTL_SECONDS");
        if (reservation != null && !reservation.isBlank()) {
            builder.environment("STOREFRONT_RESERVATION_TTL_SECONDS", reservation.trim());
        }
        // Another DynamoDB instead of the local moto child process, e.g. LocalStack's (http://localhost:4566).
        String dynamoDb = env.get("STOREFRONT_DYNAMODB_ENDPOINT");
        if (dynamoDb != null && !dynamoDb.isBlank()) {
            builder.dynamoDbEndpoint(java.net.URI.create(dynamoDb.trim()));
        }
        // The card processor: `stripe` with a key and an API base (e.g. a stripe-mock on loopback) instead of the
        // simulated provider; passed only to the functions whose template names a provider.
        String provider = env.get(LocalEnvironment.PAYMENT_PROVIDER);
        if (provider != null && !provider.isBlank()) {
            builder.environment(LocalEnvironment.PAYMENT_PROVIDER, provider.trim());
            for (String name : LocalEnvironment.STRIPE_SETTINGS) {
                if (env.get(name) != null && !env.get(name).isBlank()) {
                    builder.environment(name, env.get(name).trim());
                }
            }
        }
        return builder;
    }

    public Path template() {
        return template;
    }

    /** The gateway port; 0 picks a free one. */
    public int port() {
        return port;
    }

    /** Where data persists across restarts, or null for in memory. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public int maxInstances() {
        return maxInstances;
    }

    /** The seeder, or null. */
    public LocalSeeder seeder() {
        return seeder;
    }

    /** Template parameter overrides. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** Extra environment for every function, applied last; a null value removes the variable. */
    public Map<String, String> environmentOverrides() {
        return environmentOverrides;
    }

    /** Settings for the seeder (normally the process environment). */
    public Map<String, String> settings() {
        return settings;
    }

    public boolean preferPathRedis() {
        return preferPathRedis;
    }

    public String region() {
        return region;
    }

    /** The DynamoDB to use instead of starting moto as a child process (e.g. LocalStack), or null. */
    public java.net.URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    /** Whether the functions log Lambda's JSON lines instead of one readable line per event. */
    public boolean jsonLogs() {
        return jsonLogs;
    }

    /** Builds {@link LocalOptions}. */
    public static final class Builder {
        private final Path template;
        private int port = DEFAULT_PORT;
        private Path dataDirectory;
        private int maxInstances = 4;
        private LocalSeeder seeder = LocalSeeder.discovered();
        private final Map<String, Object> parameters = new HashMap<>();
        private final Map<String, String> environmentOverrides = new LinkedHashMap<>();
        private final Map<String, String> settings = new HashMap<>();
        private boolean preferPathRedis;
        private String region = "us-east-1";
        private java.net.URI dynamoDbEndpoint;
        private boolean jsonLogs;

        private Builder(Path template) {
            this.template = template;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder dataDirectory(Path value) {
            this.dataDirectory = value;
            return this;
        }

        public Builder maxInstances(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxInstances must be at least 1");
            }
            this.maxInstances = value;
            return this;
        }

        /** Replaces the seeders found through {@link java.util.ServiceLoader}; {@code null} seeds nothing. */
        public Builder seeder(LocalSeeder value) {
            this.seeder = value;
            return this;
        }

        public Builder parameter(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        public Builder environment(String name, String value) {
            environmentOverrides.put(name, value);
            return this;
        }

        public Builder settings(Map<String, String> values) {
            settings.putAll(values);
            return this;
        }

        public Builder setting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        public Builder preferPathRedis(boolean value) {
            this.preferPathRedis = value;
            return this;
        }

        public Builder dynamoDbEndpoint(java.net.URI value) {
            this.dynamoDbEndpoint = value;
            return this;
        }

        /** Lambda's JSON log lines (and embedded metrics) instead of one readable line per event. */
        public Builder jsonLogs(boolean value) {
            this.jsonLogs = value;
            return this;
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }

        public LocalOptions build() {
            return new LocalOptions(this);
        }
    }
}
