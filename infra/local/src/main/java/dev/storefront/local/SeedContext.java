package dev.storefront.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a {@link LocalSeeder} gets: clients and endpoints of the local services, the table names by logical
 * id, the environment the functions see (local overrides included) and the runner's own settings.
 */
public final class SeedContext {

    private final DynamoDbClient dynamoDb;
    private final URI dynamoDbEndpoint;
    private final String redisUrl;
    private final Map<String, String> tableNames;
    private final Map<String, String> environment;
    private final Map<String, String> settings;
    private final Path dataDirectory;
    private final List<String> bannerLines = Collections.synchronizedList(new ArrayList<>());

    SeedContext(DynamoDbClient dynamoDb, URI dynamoDbEndpoint, String redisUrl, Map<String, String> tableNames,
                Map<String, String> environment, Map<String, String> settings, Path dataDirectory) {
        this.dynamoDb = dynamoDb;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.redisUrl = redisUrl;
        this.tableNames = Map.copyOf(tableNames);
        this.environment = Map.copyOf(environment);
        this.settings = Map.copyOf(settings);
        this.dataDirectory = dataDirectory;
    }

    /**
     * A client of the stack's DynamoDB: moto, or the one {@code STOREFRONT_DYNAMODB_ENDPOINT} names (owned by the
     * runner: do not close).
     */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String redisUrl() {
        return redisUrl;
    }

    /** Table name by template logical id, e.g. {@code UsersTable -> UsersTable}. */
    public Map<String, String> tableNames() {
        return tableNames;
    }

    /**
     * The environment shared by the functions: Globals variables (resolved) plus the local overrides
     * (endpoint, credentials, Redis, {@code STOREFRONT_JWT_SIGNING_JWK}, {@code STOREFRONT_JWT_PUBLIC_JWKS}...).
     */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * The runner's settings: its process environment overlaid with options (e.g. {@code STOREFRONT_ADMIN_EMAIL},
     * {@code STOREFRONT_SEED_PRODUCTS}).
     */
    public Map<String, String> settings() {
        return settings;
    }

    /** The persistent data directory, or null when running in memory (then seed everything every time). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Adds a line to the start-up banner, e.g. {@code "Admin: admin@example.com / s3cret"}. */
    public void banner(String line) {
        bannerLines.add(line);
    }

    List<String> bannerLines() {
        return List.copyOf(bannerLines);
    }
}
