package dev.storefront.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The routes the local gateway serves itself, from the API document next to the template
 * ({@code docs/openapi.yaml}): {@code GET /openapi.json} (the document as JSON, its server this gateway) and
 * {@code GET /docs} (the {@link ApiReferencePage}). They exist only locally; API Gateway has no such routes.
 * The document is read again when the file changes, so an edit shows on the next request.
 */
public final class LocalApiDocs {

    /** The machine-readable document. */
    public static final String OPENAPI_PATH = "/openapi.json";
    /** The browsable reference. */
    public static final String DOCS_PATH = "/docs";
    /** The local-only routes, as route keys; the route parity test excludes exactly these. */
    public static final Set<String> ROUTE_KEYS = Set.of("GET " + OPENAPI_PATH, "GET " + DOCS_PATH);

    private static final System.Logger LOG = System.getLogger(LocalApiDocs.class.getName());

    private final Path file;
    private final ObjectMapper mapper;
    private Loaded loaded;

    private record Loaded(FileTime modified, URI server, byte[] json, byte[] html) {
    }

    private LocalApiDocs(Path file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    /** Serves {@code file}; empty when there is no such file (e.g. a test template elsewhere). */
    public static Optional<LocalApiDocs> of(Path file, ObjectMapper mapper) {
        return Files.isRegularFile(file) ? Optional.of(new LocalApiDocs(file, mapper)) : Optional.empty();
    }

    /** The document next to a template: {@code <template dir>/docs/openapi.yaml}. */
    public static Path besideTemplate(Path template) {
        Path dir = template.toAbsolutePath().getParent();
        return dir.resolve("docs").resolve("openapi.yaml");
    }

    public Path file() {
        return file;
    }

    /**
     * The response for a request this class serves, or empty to let the gateway route it.
     *
     * @param server the gateway's own URL, the document's only server
     */
    public Optional<HttpApiResponse> respond(String method, String rawPath, URI server) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (!read || !(rawPath.equals(OPENAPI_PATH) || rawPath.equals(DOCS_PATH))) {
            return Optional.empty();
        }
        Loaded current;
        try {
            current = load(server);
        } catch (RuntimeException e) {
            // A broken document must not take the gateway down: say what is wrong, as a 500 of this route only.
            LOG.log(System.Logger.Level.ERROR, "Cannot serve " + file + ": " + e.getMessage());
            return Optional.of(HttpApiResponse.internalServerError());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", List.of("no-cache"));
        if (rawPath.equals(OPENAPI_PATH)) {
            headers.put("Content-Type", List.of("application/json"));
            return Optional.of(new HttpApiResponse(200, headers, current.json()));
        }
        headers.put("Content-Type", List.of("text/html; charset=utf-8"));
        headers.put("Content-Security-Policy", List.of(ApiReferencePage.CONTENT_SECURITY_POLICY));
        headers.put("X-Content-Type-Options", List.of("nosniff"));
        return Optional.of(new HttpApiResponse(200, headers, current.html()));
    }

    private synchronized Loaded load(URI server) {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (loaded == null || !loaded.modified().equals(modified) || !loaded.server().equals(server)) {
            ApiDocument document = ApiDocument.load(file);
            byte[] json;
            try {
                json = mapper.writeValueAsBytes(document.servedFrom(server));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            byte[] html = ApiReferencePage.render(document, server).getBytes(StandardCharsets.UTF_8);
            loaded = new Loaded(modified, server, json, html);
        }
        return loaded;
    }
}
