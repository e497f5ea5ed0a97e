package dev.storefront.localcloud;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * A parsed SAM/CloudFormation template: parameters, globals, conditions, mappings and resources.
 * Short-form intrinsic tags are represented in their long form ({@code {"Ref": "X"}}, {@code {"Fn::Sub": ...}}).
 *
 * @param path        where the template was read from (its parent resolves relative {@code CodeUri}s), or null
 * @param parameters  parameters by name, in template order
 * @param globals     the {@code Globals} section (e.g. {@code Function}), raw
 * @param conditions  condition expressions by name, raw
 * @param mappings    the {@code Mappings} section, raw
 * @param resources   resources by logical id, in template order
 */
public record CloudFormationTemplate(
        Path path,
        Map<String, Parameter> parameters,
        Map<String, Object> globals,
        Map<String, Object> conditions,
        Map<String, Object> mappings,
        Map<String, Resource> resources) {

    /** A template parameter with its optional default value. */
    public record Parameter(String name, String type, Object defaultValue) {
    }

    /**
     * A template resource.
     *
     * @param logicalId  its logical id
     * @param type       e.g. {@code AWS::DynamoDB::Table}
     * @param properties its raw {@code Properties} (never null)
     * @param condition  its {@code Condition} name or null
     */
    public record Resource(String logicalId, String type, Map<String, Object> properties, String condition) {
    }

    /** Reads and parses a template file. */
    public static CloudFormationTemplate load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(reader, path.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + path, e);
        }
    }

    /** Parses template text. */
    public static CloudFormationTemplate parse(String yaml) {
        return parse(new java.io.StringReader(yaml), null);
    }

    private static CloudFormationTemplate parse(Reader reader, Path path) {
        Object root = new Yaml(new IntrinsicYamlConstructor()).load(reader);
        if (!(root instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException("Template is not a YAML mapping: " + path);
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        section(top, "Parameters").forEach((name, value) -> {
            Map<String, Object> p = asMap(value);
            parameters.put(name, new Parameter(name, (String) p.get("Type"), p.get("Default")));
        });
        Map<String, Resource> resources = new LinkedHashMap<>();
        section(top, "Resources").forEach((id, value) -> {
            Map<String, Object> r = asMap(value);
            Object type = r.get("Type");
            if (type == null) {
                throw new IllegalArgumentException("Resource " + id + " has no Type");
            }
            Map<String, Object> props = r.get("Properties") == null ? Map.of() : asMap(r.get("Properties"));
            resources.put(id, new Resource(id, type.toString(), props, (String) r.get("Condition")));
        });
        return new CloudFormationTemplate(path, Collections.unmodifiableMap(parameters),
                section(top, "Globals"), section(top, "Conditions"), section(top, "Mappings"),
                Collections.unmodifiableMap(resources));
    }

    private static Map<String, Object> section(Map<?, ?> top, String name) {
        Object value = top.get(name);
        return value == null ? Map.of() : asMap(value);
    }

    /** Casts a YAML mapping to a string-keyed map, failing clearly for anything else. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            ((Map<Object, Object>) map).forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        }
        throw new IllegalArgumentException("Expected a mapping but found: " + value);
    }

    /** Casts a YAML sequence to a list, failing clearly for anything else. */
    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object value) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException("Expected a list but found: " + value);
    }

    /** Resources of one type, in template order. */
    public List<Resource> resourcesOfType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The directory relative paths in the template are resolved against. */
    public Path baseDirectory() {
        return path == null ? Path.of("").toAbsolutePath() : path.getParent();
    }
}
