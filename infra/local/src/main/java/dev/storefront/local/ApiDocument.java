package dev.storefront.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The OpenAPI document of the API ({@code docs/openapi.yaml}), as a JSON tree: what the local gateway serves
 * as {@code /openapi.json} and renders as {@code /docs}, and what the route parity test compares with the
 * template's routes.
 */
public final class ApiDocument {

    /** The HTTP methods an OpenAPI path item may hold operations for, in display order. */
    public static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHOD_SET = Set.copyOf(METHODS);

    /** One operation of the document. */
    public record Operation(String method, String path, JsonNode node) {

        /** {@code GET /products}: the same form as an API Gateway route key. */
        public String routeKey() {
            return method + " " + path;
        }

        public String operationId() {
            return node.path("operationId").asText("");
        }

        public String summary() {
            return node.path("summary").asText("");
        }

        /** Its first tag, or {@code ""}. */
        public String tag() {
            return node.path("tags").path(0).asText("");
        }
    }

    private final ObjectNode root;

    private ApiDocument(ObjectNode root) {
        this.root = root;
    }

    /** Reads a YAML (or JSON) OpenAPI document. */
    public static ApiDocument load(Path file) {
        try {
            return of(YAML.readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API document " + file, e);
        }
    }

    /** Parses YAML (or JSON) document text. */
    public static ApiDocument parse(String text) {
        try {
            return of(YAML.readTree(text), "text");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a YAML API document: " + e.getOriginalMessage(), e);
        }
    }

    private static ApiDocument of(JsonNode node, String source) {
        if (!(node instanceof ObjectNode object) || !node.path("openapi").isTextual()) {
            throw new IllegalArgumentException(source + " is not an OpenAPI document (no `openapi` field)");
        }
        return new ApiDocument(object);
    }

    /** The whole document (do not modify). */
    public JsonNode tree() {
        return root;
    }

    /** The {@code openapi} version, e.g. {@code 3.1.0}. */
    public String version() {
        return root.path("openapi").asText();
    }

    /** Every operation, in document order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (METHOD_SET.contains(entry.getKey())) {
                operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), entry.getValue()));
            }
        }));
        return operations;
    }

    /** A copy whose only server is {@code serverUrl} (the gateway serving it), as a JSON document. */
    public ObjectNode servedFrom(URI serverUrl) {
        ObjectNode copy = root.deepCopy();
        ArrayNode servers = copy.putArray("servers");
        servers.addObject().put("url", serverUrl.toString()).put("description", "This local gateway (./storefront local)");
        return copy;
    }

    /** Resolves a local {@code $ref} such as {@code #/components/schemas/Money}; null when it does not resolve. */
    public JsonNode resolve(String ref) {
        if (ref == null || !ref.startsWith("#/")) {
            return null;
        }
        JsonNode node = root.at(ref.substring(1));
        return node.isMissingNode() ? null : node;
    }
}
