package dev.storefront.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browsable API reference the local gateway serves as {@code /docs}: one self-contained HTML page rendered
 * from the OpenAPI document - operations grouped by tag with their parameters, request and response schemas and
 * examples, then every component schema. It loads nothing (no script, font, image or style sheet from anywhere),
 * so it works offline and sends no traffic beyond the gateway; the gateway also forbids any with a
 * Content-Security-Policy.
 */
public final class ApiReferencePage {

    /** What the page may load: nothing but its own inline styles. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SCHEMAS_REF = "#/components/schemas/";
    private static final int MAX_DEPTH = 8;
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");

    private static final String STYLE = """
            :root{--fg:#1d2330;--muted:#5b6475;--line:#dde2ea;--bg:#f7f8fa;--code:#eef1f5}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);display:flex}
            nav{position:sticky;top:0;height:100vh;overflow:auto;width:300px;flex:none;padding:16px;background:var(--bg);border-right:1px solid var(--line);font-size:13px}
            nav h2{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:16px 0 4px}
            nav a{display:block;padding:2px 0;color:var(--fg);text-decoration:none;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
            nav a:hover{text-decoration:underline}
            main{flex:1;min-width:0;padding:24px 40px;max-width:1100px}
            h1{margin:0 0 4px}h1 small{font-size:16px;color:var(--muted);font-weight:normal}
            h2.tag{border-bottom:2px solid var(--line);padding-bottom:4px;margin-top:48px}
            article{border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin:16px 0}
            article h3{margin:0;font-size:17px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            h4{margin:16px 0 6px;font-size:14px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
            .m{display:inline-block;min-width:64px;text-align:center;border-radius:4px;color:#fff;font-size:13px;padding:1px 6px;margin-right:8px}
            .get{background:#2f7bbf}.post{background:#2e9d5b}.put{background:#c98318}.delete{background:#c6423b}.patch{background:#7a55b8}.head,.options,.trace{background:#6b7280}
            .summary{margin:6px 0;font-weight:600}.muted{color:var(--muted)}
            .auth{display:inline-block;font-size:12px;border:1px solid var(--line);border-radius:10px;padding:0 8px;margin-left:8px;color:var(--muted);font-family:system-ui,sans-serif;font-weight:normal}
            table{border-collapse:collapse;width:100%;font-size:14px;margin:4px 0}
            th,td{text-align:left;vertical-align:top;border-bottom:1px solid var(--line);padding:4px 8px}
            th{font-size:12px;color:var(--muted);font-weight:600}
            td table{margin:4px 0 0}
            code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;background:var(--code);border-radius:3px}
            code{padding:0 3px}pre{padding:8px 10px;overflow:auto;max-height:420px}
            details{border-top:1px solid var(--line);padding:6px 0}summary{cursor:pointer}
            .status{font-family:ui-monospace,monospace;font-weight:700;margin-right:8px}
            .s2{color:#2e9d5b}.s3{color:#2f7bbf}.s4{color:#c98318}.s5{color:#c6423b}
            .req{color:#c6423b;font-size:12px}.c{color:var(--muted);font-size:13px}
            """;

    private final ApiDocument document;
    private final JsonNode root;

    private ApiReferencePage(ApiDocument document) {
        this.document = document;
        this.root = document.tree();
    }

    /**
     * Renders the page.
     *
     * @param document  the API document
     * @param serverUrl the gateway's URL, shown as the server the operations are served from
     */
    public static String render(ApiDocument document, URI serverUrl) {
        return new ApiReferencePage(document).page(serverUrl);
    }

    private String page(URI serverUrl) {
        Map<String, List<ApiDocument.Operation>> byTag = operationsByTag();
        JsonNode info = root.path("info");
        String title = info.path("title").asText("API");
        StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" — API reference</title><style>").append(STYLE)
                .append("</style></head><body>\n");

        html.append("<nav><strong>").append(esc(title)).append("</strong>");
        byTag.forEach((tag, operations) -> {
            html.append("<h2><a href=\"#tag-").append(anchor(tag)).append("\">").append(esc(tag)).append("</a></h2>");
            for (ApiDocument.Operation operation : operations) {
                html.append("<a href=\"#").append(operationAnchor(operation)).append("\"><span class=\"m ")
                        .append(operation.method().toLowerCase(Locale.ROOT)).append("\">").append(operation.method())
                        .append("</span>").append(esc(operation.path())).append("</a>");
            }
        });
        html.append("<h2><a href=\"#schemas\">Schemas</a></h2>");
        root.path("components").path("schemas").fieldNames().forEachRemaining(name -> html.append("<a href=\"#schema-")
                .append(anchor(name)).append("\">").append(esc(name)).append("</a>"));
        html.append("</nav>\n<main>\n");

        html.append("<h1>").append(esc(title)).append(" <small>").append(esc(info.path("version").asText()))
                .append(" · OpenAPI ").append(esc(document.version())).append("</small></h1>");
        if (info.hasNonNull("summary")) {
            html.append("<p class=\"summary\">").append(esc(info.path("summary").asText())).append("</p>");
        }
        html.append("<p class=\"muted\">Served by <code>").append(esc(serverUrl.toString()))
                .append("</code> · machine-readable document: <a href=\"/openapi.json\">/openapi.json</a> · ")
                .append(byTag.values().stream().mapToInt(List::size).sum()).append(" operations</p>");
        html.append(markdown(info.path("description").asText("")));

        byTag.forEach((tag, operations) -> {
            html.append("\n<section id=\"tag-").append(anchor(tag)).append("\"><h2 class=\"tag\">").append(esc(tag)).append("</h2>");
            html.append(markdown(tagDescription(tag)));
            operations.forEach(operation -> operation(html, operation));
            html.append("</section>");
        });

        html.append("\n<section id=\"schemas\"><h2 class=\"tag\">Schemas</h2>");
        root.path("components").path("schemas").properties().forEach(entry -> {
            html.append("<article id=\"schema-").append(anchor(entry.getKey())).append("\"><h3>").append(esc(entry.getKey()))
                    .append("</h3>");
            schemaBlock(html, entry.getValue());
            html.append("<p class=\"c\">Example</p><pre>")
                    .append(esc(pretty(example(entry.getValue(), 0, new HashSet<>())))).append("</pre></article>");
        });
        html.append("</section>\n</main></body></html>\n");
        return html.toString();
    }

    private Map<String, List<ApiDocument.Operation>> operationsByTag() {
        Map<String, List<ApiDocument.Operation>> byTag = new LinkedHashMap<>();
        root.path("tags").forEach(tag -> byTag.put(tag.path("name").asText(), new ArrayList<>()));
        for (ApiDocument.Operation operation : document.operations()) {
            String tag = operation.tag().isEmpty() ? "Other" : operation.tag();
            byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(operation);
        }
        byTag.values().removeIf(List::isEmpty);
        return byTag;
    }

    private String tagDescription(String name) {
        for (JsonNode tag : root.path("tags")) {
            if (tag.path("name").asText().equals(name)) {
                return tag.path("description").asText("");
            }
        }
        return "";
    }

    private void operation(StringBuilder html, ApiDocument.Operation operation) {
        JsonNode node = operation.node();
        html.append("\n<article id=\"").append(operationAnchor(operation)).append("\"><h3><span class=\"m ")
                .append(operation.method().toLowerCase(Locale.ROOT)).append("\">").append(operation.method())
                .append("</span>").append(esc(operation.path()));
        JsonNode security = node.has("security") ? node.path("security") : root.path("security");
        boolean secured = security.isArray() && !security.isEmpty() && !security.path(0).isEmpty();
        html.append("<span class=\"auth\">").append(secured ? "bearer token" : "public").append("</span>");
        if (!operation.operationId().isEmpty()) {
            html.append(" <span class=\"c\">").append(esc(operation.operationId())).append("</span>");
        }
        html.append("</h3>");
        if (!operation.summary().isEmpty()) {
            html.append("<p class=\"summary\">").append(esc(operation.summary())).append("</p>");
        }
        html.append(markdown(node.path("description").asText("")));

        List<JsonNode> parameters = new ArrayList<>();
        JsonNode pathItem = root.path("paths").path(operation.path());
        pathItem.path("parameters").forEach(p -> parameters.add(deref(p)));
        node.path("parameters").forEach(p -> parameters.add(deref(p)));
        if (!parameters.isEmpty()) {
            html.append("<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th>description</th></tr>");
            for (JsonNode parameter : parameters) {
                html.append("<tr><td><code>").append(esc(parameter.path("name").asText())).append("</code>")
                        .append(parameter.path("required").asBoolean(false) ? " <span class=\"req\">required</span>" : "")
                        .append("</td><td>").append(esc(parameter.path("in").asText())).append("</td><td>")
                        .append(typeLabel(parameter.path("schema"))).append(constraints(parameter.path("schema")))
                        .append("</td><td>").append(markdown(parameter.path("description").asText(""))).append("</td></tr>");
            }
            html.append("</table>");
        }

        if (node.has("requestBody")) {
            JsonNode body = deref(node.path("requestBody"));
            html.append("<h4>Request body").append(body.path("required").asBoolean(false) ? " <span class=\"req\">required</span>" : "")
                    .append("</h4>").append(markdown(body.path("description").asText("")));
            content(html, body.path("content"), true);
        }

        html.append("<h4>Responses</h4>");
        node.path("responses").properties().forEach(entry -> {
            JsonNode response = deref(entry.getValue());
            String status = entry.getKey();
            html.append("<details").append(status.startsWith("2") ? " open" : "").append("><summary><span class=\"status s")
                    .append(status.charAt(0)).append("\">").append(esc(status)).append("</span>")
                    .append(esc(firstLine(response.path("description").asText("")))).append("</summary>");
            String description = response.path("description").asText("");
            if (description.contains("\n") || description.length() > 120) {
                html.append(markdown(description));
            }
            if (!response.path("headers").isEmpty()) {
                html.append("<ul class=\"c\">");
                response.path("headers").properties().forEach(header -> {
                    JsonNode value = deref(header.getValue());
                    html.append("<li>header <code>").append(esc(header.getKey())).append("</code> ")
                            .append(typeLabel(value.path("schema")))
                            .append(value.has("description") ? " — " + inline(value.path("description").asText()) : "")
                            .append("</li>");
                });
                html.append("</ul>");
            }
            // Generated examples where they help: success bodies. Errors share the Problem schema.
            content(html, response.path("content"), status.startsWith("2"));
            html.append("</details>");
        });
        html.append("</article>");
    }

    private void content(StringBuilder html, JsonNode content, boolean generateExample) {
        content.properties().forEach(media -> {
            JsonNode schema = media.getValue().path("schema");
            html.append("<p><code>").append(esc(media.getKey())).append("</code> ").append(typeLabel(schema)).append("</p>");
            if (!schema.has("$ref")) {
                schemaBlock(html, schema);
            }
            JsonNode example = mediaExample(media.getValue());
            if (example != null) {
                html.append("<p class=\"c\">Example</p><pre>").append(esc(pretty(example))).append("</pre>");
            } else if (generateExample && !schema.isMissingNode()) {
                JsonNode resolved = deref(schema);
                boolean documented = resolved.has("example")
                        || resolved.path("examples").isArray() && !resolved.path("examples").isEmpty();
                html.append("<p class=\"c\">").append(documented ? "Example" : "Example (generated from the schema)")
                        .append("</p><pre>").append(esc(pretty(example(schema, 0, new HashSet<>())))).append("</pre>");
            }
        });
    }

    private static JsonNode mediaExample(JsonNode media) {
        if (media.has("example")) {
            return media.get("example");
        }
        if (media.path("examples").isObject() && media.path("examples").size() > 0) {
            JsonNode first = media.path("examples").elements().next();
            return first.has("value") ? first.get("value") : null;
        }
        return null;
    }

    /** A schema's details: constraints, then a property table for objects, the items of arrays, composed parts. */
    private void schemaBlock(StringBuilder html, JsonNode schema) {
        schemaBlock(html, schema, 0);
    }

    private void schemaBlock(StringBuilder html, JsonNode schema, int depth) {
        if (depth > MAX_DEPTH || schema == null || schema.isMissingNode()) {
            return;
        }
        if (schema.has("description") && depth == 0) {
            html.append(markdown(schema.path("description").asText()));
        }
        String constraints = constraints(schema);
        if (depth == 0 && !constraints.isEmpty()) {
            html.append("<p>").append(typeLabel(schema)).append(constraints).append("</p>");
        }
        JsonNode properties = schema.path("properties");
        if (properties.isObject() && !properties.isEmpty()) {
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            html.append("<table><tr><th>field</th><th>type</th><th>description</th></tr>");
            properties.properties().forEach(property -> {
                JsonNode value = property.getValue();
                html.append("<tr><td><code>").append(esc(property.getKey())).append("</code>")
                        .append(required.contains(property.getKey()) ? " <span class=\"req\">required</span>" : "")
                        .append("</td><td>").append(typeLabel(value)).append(constraints(value)).append("</td><td>")
                        .append(markdown(value.path("description").asText("")));
                JsonNode nested = value.path("type").asText().equals("array") ? value.path("items") : value;
                if (!nested.has("$ref") && (nested.path("properties").size() > 0 || nested.has("allOf"))) {
                    schemaBlock(html, nested, depth + 1);
                }
                html.append("</td></tr>");
            });
            html.append("</table>");
            if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
                html.append("<p class=\"c\">No other fields (unknown fields are refused).</p>");
            }
        }
        if (schema.path("type").asText().equals("array") && depth == 0 && !schema.path("items").has("$ref")) {
            schemaBlock(html, schema.path("items"), depth + 1);
        }
        for (String composition : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(composition).isArray()) {
                html.append("<p class=\"c\">").append(composition).append(":</p><ul>");
                schema.path(composition).forEach(part -> {
                    html.append("<li>");
                    if (part.has("$ref") || part.path("properties").size() > 0) {
                        html.append(typeLabel(part));
                        schemaBlock(html, part, depth + 1);
                    } else {
                        html.append("<code>").append(esc(compact(part))).append("</code>");
                    }
                    html.append("</li>");
                });
                html.append("</ul>");
            }
        }
    }

    /** A short type, e.g. {@code string (date-time)}, {@code array of Money} (linked), {@code string | null}. */
    private String typeLabel(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return "";
        }
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            if (ref.startsWith(SCHEMAS_REF)) {
                String name = ref.substring(SCHEMAS_REF.length());
                return "<a href=\"#schema-" + anchor(name) + "\">" + esc(name) + "</a>";
            }
            return "<code>" + esc(ref) + "</code>";
        }
        List<String> types = new ArrayList<>();
        if (schema.path("type").isArray()) {
            schema.path("type").forEach(t -> types.add(t.asText()));
        } else if (schema.has("type")) {
            types.add(schema.path("type").asText());
        }
        List<String> labels = new ArrayList<>();
        for (String type : types) {
            if (type.equals("array")) {
                labels.add("array of " + typeLabel(schema.path("items")));
            } else if (type.equals("object") && schema.path("additionalProperties").isObject()
                    && schema.path("properties").isEmpty()) {
                labels.add("map of string to " + typeLabel(schema.path("additionalProperties")));
            } else {
                labels.add(esc(type) + (schema.has("format") && !type.equals("null")
                        ? " <span class=\"c\">(" + esc(schema.path("format").asText()) + ")</span>" : ""));
            }
        }
        if (labels.isEmpty()) {
            if (schema.has("allOf")) {
                return "all of";
            }
            if (schema.has("oneOf") || schema.has("anyOf")) {
                return "one of";
            }
            return schema.has("const") ? "constant" : "any";
        }
        return String.join(" | ", labels);
    }

    private static String constraints(JsonNode schema) {
        List<String> parts = new ArrayList<>();
        if (schema.has("const")) {
            parts.add("always <code>" + esc(compact(schema.get("const"))) + "</code>");
        }
        if (schema.path("enum").isArray()) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(v -> values.add("<code>" + esc(v.isTextual() ? v.asText() : v.toString()) + "</code>"));
            parts.add("one of " + String.join(", ", values));
        }
        range(parts, schema, "minimum", "maximum", "");
        range(parts, schema, "minLength", "maxLength", " characters");
        range(parts, schema, "minItems", "maxItems", " items");
        range(parts, schema, "minProperties", "maxProperties", " entries");
        if (schema.has("pattern")) {
            parts.add("pattern <code>" + esc(schema.path("pattern").asText()) + "</code>");
        }
        if (schema.has("default")) {
            parts.add("default <code>" + esc(compact(schema.get("default"))) + "</code>");
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            List<String> values = new ArrayList<>();
            schema.path("examples").forEach(v -> values.add("<code>" + esc(v.isTextual() ? v.asText() : v.toString()) + "</code>"));
            parts.add("e.g. " + String.join(", ", values));
        }
        return parts.isEmpty() ? "" : "<div class=\"c\">" + String.join("; ", parts) + "</div>";
    }

    private static void range(List<String> parts, JsonNode schema, String min, String max, String unit) {
        if (schema.has(min) && schema.has(max)) {
            parts.add(schema.path(min).asText() + "–" + schema.path(max).asText() + unit);
        } else if (schema.has(min)) {
            parts.add("at least " + schema.path(min).asText() + unit);
        } else if (schema.has(max)) {
            parts.add("at most " + schema.path(max).asText() + unit);
        }
    }

    /** A plausible instance of a schema: its own examples where it has them, else built from its types. */
    private JsonNode example(JsonNode schema, int depth, Set<String> refs) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema == null || schema.isMissingNode() || depth > MAX_DEPTH) {
            return nodes.nullNode();
        }
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            JsonNode target = document.resolve(ref);
            if (target == null || !refs.add(ref)) {
                return nodes.objectNode();
            }
            JsonNode value = example(target, depth + 1, refs);
            refs.remove(ref);
            return value;
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        if (schema.path("allOf").isArray()) {
            ObjectNode merged = nodes.objectNode();
            schema.path("allOf").forEach(part -> {
                if (part.has("$ref") || part.has("properties")) {
                    JsonNode value = example(part, depth + 1, refs);
                    if (value instanceof ObjectNode object) {
                        merged.setAll(object);
                    }
                }
            });
            if (schema.has("properties")) {
                JsonNode own = objectExample(schema, depth, refs);
                if (own instanceof ObjectNode object) {
                    merged.setAll(object);
                }
            }
            return merged;
        }
        for (String composition : List.of("oneOf", "anyOf")) {
            if (schema.path(composition).isArray() && !schema.path(composition).isEmpty()) {
                return example(schema.path(composition).get(0), depth + 1, refs);
            }
        }
        String type = schema.path("type").asText();
        if (schema.path("type").isArray()) {
            type = "null";
            for (JsonNode t : schema.path("type")) {
                if (!t.asText().equals("null")) {
                    type = t.asText();
                    break;
                }
            }
        }
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        return switch (type) {
            case "object" -> objectExample(schema, depth, refs);
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                array.add(example(schema.path("items"), depth + 1, refs));
                yield array;
            }
            case "integer", "number" -> nodes.numberNode(schema.path("minimum").asLong(0));
            case "boolean" -> nodes.booleanNode(true);
            case "string" -> nodes.textNode(stringExample(schema));
            default -> nodes.nullNode();
        };
    }

    private JsonNode objectExample(JsonNode schema, int depth, Set<String> refs) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        schema.path("properties").properties().forEach(p -> object.set(p.getKey(), example(p.getValue(), depth + 1, refs)));
        if (schema.path("properties").isEmpty() && schema.path("additionalProperties").isObject()) {
            object.set("key", example(schema.path("additionalProperties"), depth + 1, refs));
        }
        return object;
    }

    private static String stringExample(JsonNode schema) {
        return switch (schema.path("format").asText()) {
            case "date-time" -> "2026-11-22T10:15:30Z";
            case "date" -> "2026-11-22";
            case "email" -> "ada@example.com";
            case "uri" -> "https://example.com/";
            case "uuid" -> "3f0c2a4e-8d1b-4c55-9a57-2f4b8f6e1d20";
            default -> "string";
        };
    }

    private JsonNode deref(JsonNode node) {
        Set<String> seen = new HashSet<>();
        JsonNode current = node;
        while (current != null && current.has("$ref") && seen.add(current.path("$ref").asText())) {
            JsonNode target = document.resolve(current.path("$ref").asText());
            if (target == null) {
                return current;
            }
            current = target;
        }
        return current;
    }

    /*
     * The Markdown the document uses: paragraphs, "- " lists, pipe tables, `code` and **bold**. Anything else
     * shows as its text.
     */
    static String markdown(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String block : text.strip().split("\\n\\s*\\n")) {
            List<String> lines = block.lines().map(String::strip).toList();
            if (lines.stream().allMatch(l -> l.startsWith("|"))) {
                html.append("<table>");
                boolean header = true;
                for (String line : lines) {
                    if (line.matches("\\|[\\s:|-]+\\|?")) {
                        continue;
                    }
                    String cell = header ? "th" : "td";
                    html.append("<tr>");
                    for (String value : line.replaceAll("^\\||\\|$", "").split("\\|", -1)) {
                        html.append('<').append(cell).append('>').append(inline(value.strip())).append("</").append(cell).append('>');
                    }
                    html.append("</tr>");
                    header = false;
                }
                html.append("</table>");
            } else if (lines.stream().anyMatch(l -> l.startsWith("- "))) {
                List<String> items = new ArrayList<>();
                StringBuilder prose = new StringBuilder();
                for (String line : lines) {
                    if (line.startsWith("- ")) {
                        items.add(line.substring(2));
                    } else if (!items.isEmpty()) {
                        items.set(items.size() - 1, items.get(items.size() - 1) + " " + line);
                    } else {
                        prose.append(prose.isEmpty() ? "" : " ").append(line);
                    }
                }
                if (!prose.isEmpty()) {
                    html.append("<p>").append(inline(prose.toString())).append("</p>");
                }
                html.append("<ul>");
                items.forEach(item -> html.append("<li>").append(inline(item)).append("</li>"));
                html.append("</ul>");
            } else {
                html.append("<p>").append(inline(String.join(" ", lines))).append("</p>");
            }
        }
        return html.toString();
    }

    private static String inline(String text) {
        String escaped = esc(text);
        Matcher code = INLINE_CODE.matcher(escaped);
        escaped = code.replaceAll(m -> Matcher.quoteReplacement("<code>" + m.group(1) + "</code>"));
        return BOLD.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement("<strong>" + m.group(1) + "</strong>"));
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        String line = end < 0 ? stripped : stripped.substring(0, end);
        return line.length() > 120 ? line.substring(0, 117) + "…" : line;
    }

    private static String operationAnchor(ApiDocument.Operation operation) {
        return "op-" + (operation.operationId().isEmpty()
                ? anchor(operation.method() + operation.path()) : anchor(operation.operationId()));
    }

    private static String anchor(String text) {
        return text.replaceAll("[^A-Za-z0-9_.-]", "-");
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static String compact(JsonNode node) {
        return node.toString();
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
