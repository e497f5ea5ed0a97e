package dev.storefront.localcloud;

import static dev.storefront.localcloud.CloudFormationTemplate.asList;
import static dev.storefront.localcloud.CloudFormationTemplate.asMap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions for local use: {@code Ref} (parameters, resources, pseudo
 * parameters), {@code Fn::Sub}, {@code Fn::GetAtt} (through an {@link AttributeProvider}), {@code Fn::If}
 * with {@code Conditions}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::FindInMap},
 * {@code Fn::Base64}, {@code Fn::GetAZs} and the condition functions. A {@code Ref} to a resource yields its
 * local physical id: the {@code TableName} of a DynamoDB table when set, else the logical id.
 */
public final class IntrinsicResolver {

    /** Marker for {@code AWS::NoValue}: removed from the enclosing map or list. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final CloudFormationTemplate template;
    private final Map<String, Object> parameterValues = new HashMap<>();
    private final Map<String, String> pseudo = new HashMap<>();
    private final AttributeProvider attributes;
    private final Map<String, Boolean> conditionCache = new HashMap<>();

    private IntrinsicResolver(Builder builder) {
        this.template = builder.template;
        this.attributes = builder.attributes;
        pseudo.put("AWS::Region", builder.region);
        pseudo.put("AWS::AccountId", builder.accountId);
        pseudo.put("AWS::StackName", builder.stackName);
        pseudo.put("AWS::StackId", "arn:aws:cloudformation:" + builder.region + ":" + builder.accountId
                + ":stack/" + builder.stackName + "/00000000-0000-0000-0000-000000000000");
        pseudo.put("AWS::Partition", "aws");
        pseudo.put("AWS::URLSuffix", "amazonaws.com");
        template.parameters().forEach((name, p) -> {
            if (p.defaultValue() != null) {
                parameterValues.put(name, p.defaultValue());
            }
        });
        parameterValues.putAll(builder.parameterOverrides);
    }

    /** Starts a resolver for a template. */
    public static Builder builder(CloudFormationTemplate template) {
        return new Builder(template);
    }

    /** The template this resolver reads. */
    public CloudFormationTemplate template() {
        return template;
    }

    /** The value of a pseudo parameter such as {@code AWS::Region}. */
    public String pseudoParameter(String name) {
        return pseudo.get(name);
    }

    /**
     * Resolves every intrinsic inside {@code value} (maps and lists recursively).
     *
     * @param where used in error messages, e.g. {@code "UsersTable.Properties.TableName"}
     */
    public Object resolve(Object value, String where) {
        if (value instanceof Map<?, ?> rawMap) {
            Map<String, Object> map = asMap(rawMap);
            if (map.size() == 1) {
                String key = map.keySet().iterator().next();
                if (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition") && !(map.get(key) instanceof Map)) {
                    return function(key, map.get(key), where);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object resolved = resolve(v, where + "." + k);
                if (resolved != NO_VALUE) {
                    result.put(k, resolved);
                }
            });
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object resolved = resolve(list.get(i), where + "[" + i + "]");
                if (resolved != NO_VALUE) {
                    result.add(resolved);
                }
            }
            return result;
        }
        return value;
    }

    /** Resolves a value that must end up a scalar, rendered as a string. */
    public String resolveString(Object value, String where) {
        Object resolved = resolve(value, where);
        if (resolved instanceof Map || resolved instanceof List || resolved == null || resolved == NO_VALUE) {
            throw new UnresolvableIntrinsicException(where + ": expected a string but resolved to " + resolved);
        }
        return scalar(resolved);
    }

    /** Evaluates a named condition of the template's {@code Conditions} section. */
    public boolean condition(String name) {
        Boolean cached = conditionCache.get(name);
        if (cached != null) {
            return cached;
        }
        Object expression = template.conditions().get(name);
        if (expression == null) {
            throw new UnresolvableIntrinsicException("Conditions." + name + ": no such condition");
        }
        boolean result = truth(resolve(expression, "Conditions." + name), "Conditions." + name);
        conditionCache.put(name, result);
        return result;
    }

    private Object function(String name, Object argument, String where) {
        String at = where + " (" + name + ")";
        return switch (name) {
            case "Ref" -> ref(scalar(resolve(argument, at)), at);
            case "Condition" -> condition(scalar(argument));
            case "Fn::GetAtt" -> getAtt(argument, at);
            case "Fn::Sub" -> sub(argument, at);
            case "Fn::If" -> ifFunction(argument, at);
            case "Fn::Equals" -> {
                List<Object> args = resolvedList(argument, at, 2);
                yield Objects.equals(scalar(args.get(0)), scalar(args.get(1)));
            }
            case "Fn::Not" -> !truth(resolvedList(argument, at, 1).get(0), at);
            case "Fn::And" -> resolvedList(argument, at, -1).stream().allMatch(v -> truth(v, at));
            case "Fn::Or" -> resolvedList(argument, at, -1).stream().anyMatch(v -> truth(v, at));
            case "Fn::Join" -> {
                List<Object> args = resolvedList(argument, at, 2);
                List<String> parts = asList(args.get(1)).stream().map(IntrinsicResolver::scalar).toList();
                yield String.join(scalar(args.get(0)), parts);
            }
            case "Fn::Select" -> {
                List<Object> args = resolvedList(argument, at, 2);
                List<Object> items = asList(args.get(1));
                int index = Integer.parseInt(scalar(args.get(0)));
                if (index < 0 || index >= items.size()) {
                    throw new UnresolvableIntrinsicException(at + ": index " + index + " out of range " + items);
                }
                yield items.get(index);
            }
            case "Fn::Split" -> {
                List<Object> args = resolvedList(argument, at, 2);
                yield List.of((Object[]) scalar(args.get(1)).split(Pattern.quote(scalar(args.get(0))), -1));
            }
            case "Fn::FindInMap" -> findInMap(resolvedList(argument, at, 3), at);
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    scalar(resolve(argument, at)).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> {
                String region = pseudo.get("AWS::Region");
                yield List.of(region + "a", region + "b", region + "c");
            }
            default -> throw new UnresolvableIntrinsicException(at + ": " + name + " cannot be resolved locally");
        };
    }

    private List<Object> resolvedList(Object argument, String at, int size) {
        Object resolved = resolve(argument, at);
        if (!(resolved instanceof List<?> list) || size >= 0 && list.size() != size) {
            throw new UnresolvableIntrinsicException(at + ": expected a list"
                    + (size >= 0 ? " of " + size : "") + " but found " + resolved);
        }
        return asList(resolved);
    }

    private Object ref(String name, String at) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (pseudo.containsKey(name)) {
            return pseudo.get(name);
        }
        if (name.equals("AWS::NotificationARNs")) {
            return List.of();
        }
        if (template.parameters().containsKey(name)) {
            Object value = parameterValues.get(name);
            if (value == null) {
                throw new UnresolvableIntrinsicException(at + ": parameter " + name + " has no default and no value");
            }
            return value;
        }
        CloudFormationTemplate.Resource resource = template.resources().get(name);
        if (resource != null) {
            return physicalId(resource);
        }
        throw new UnresolvableIntrinsicException(at + ": Ref to unknown parameter or resource " + name);
    }

    /** The local physical id of a resource: its TableName/FunctionName/Name property when set, else its logical id. */
    public String physicalId(CloudFormationTemplate.Resource resource) {
        for (String property : List.of("TableName", "FunctionName")) {
            Object value = resource.properties().get(property);
            if (value != null) {
                return resolveString(value, resource.logicalId() + ".Properties." + property);
            }
        }
        return resource.logicalId();
    }

    private Object getAtt(Object argument, String at) {
        List<Object> parts = asList(resolve(argument, at));
        if (parts.size() != 2) {
            throw new UnresolvableIntrinsicException(at + ": Fn::GetAtt needs [resource, attribute] but got " + parts);
        }
        return attribute(scalar(parts.get(0)), scalar(parts.get(1)), at);
    }

    private Object attribute(String logicalId, String attribute, String at) {
        CloudFormationTemplate.Resource resource = template.resources().get(logicalId);
        if (resource == null) {
            throw new UnresolvableIntrinsicException(at + ": Fn::GetAtt of unknown resource " + logicalId);
        }
        Optional<Object> value = attributes.attribute(resource, attribute);
        return value.orElseThrow(() -> new UnresolvableIntrinsicException(at + ": no local value for "
                + logicalId + "." + attribute + " (resource type " + resource.type() + ")"));
    }

    private Object sub(Object argument, String at) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            if (list.size() != 2) {
                throw new UnresolvableIntrinsicException(at + ": Fn::Sub list form needs [string, variables]");
            }
            text = scalar(list.get(0));
            variables = asMap(resolve(list.get(1), at));
        } else {
            text = scalar(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (variables.containsKey(name)) {
                replacement = scalar(variables.get(name));
            } else if (name.contains(".") && !pseudo.containsKey(name)) {
                int dot = name.indexOf('.');
                replacement = scalar(attribute(name.substring(0, dot), name.substring(dot + 1), at));
            } else {
                replacement = scalar(ref(name, at));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private Object ifFunction(Object argument, String at) {
        List<Object> args = asList(argument);
        if (args.size() != 3) {
            throw new UnresolvableIntrinsicException(at + ": Fn::If needs [condition, then, else]");
        }
        return resolve(condition(scalar(args.get(0))) ? args.get(1) : args.get(2), at);
    }

    private Object findInMap(List<Object> args, String at) {
        Object map = template.mappings().get(scalar(args.get(0)));
        Object level = map == null ? null : asMap(map).get(scalar(args.get(1)));
        Object value = level == null ? null : asMap(level).get(scalar(args.get(2)));
        if (value == null) {
            throw new UnresolvableIntrinsicException(at + ": Fn::FindInMap found nothing for " + args);
        }
        return resolve(value, at);
    }

    private static boolean truth(Object value, String at) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new UnresolvableIntrinsicException(at + ": expected a condition value but found " + value);
    }

    private static String scalar(Object value) {
        if (value instanceof Map || value instanceof List || value == null) {
            throw new UnresolvableIntrinsicException("expected a scalar but found " + value);
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }

    /** Configures a resolver. */
    public static final class Builder {
        private final CloudFormationTemplate template;
        private final Map<String, Object> parameterOverrides = new HashMap<>();
        private AttributeProvider attributes = AttributeProvider.none();
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private String stackName = "storefront-local";

        private Builder(CloudFormationTemplate template) {
            this.template = Objects.requireNonNull(template, "template");
        }

        /** Overrides a parameter's default. */
        public Builder parameter(String name, Object value) {
            parameterOverrides.put(name, value);
            return this;
        }

        /** Overrides several parameters. */
        public Builder parameters(Map<String, ?> values) {
            parameterOverrides.putAll(values);
            return this;
        }

        public Builder attributes(AttributeProvider provider) {
            this.attributes = Objects.requireNonNull(provider);
            return this;
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }

        public Builder accountId(String value) {
            this.accountId = value;
            return this;
        }

        public Builder stackName(String value) {
            this.stackName = value;
            return this;
        }

        public IntrinsicResolver build() {
            return new IntrinsicResolver(this);
        }
    }
}
