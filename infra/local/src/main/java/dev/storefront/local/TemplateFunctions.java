package dev.storefront.local;

import static dev.storefront.localcloud.CloudFormationTemplate.asList;
import static dev.storefront.localcloud.CloudFormationTemplate.asMap;

import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.IntrinsicResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code AWS::Serverless::Function}s of a template, merging {@code Globals.Function}. */
public final class TemplateFunctions {

    private static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    private TemplateFunctions() {
    }

    /**
     * Every function of the template whose condition (if any) holds, except CodeDeploy hooks: they exist for
     * deployments (their environment names deployment groups and published versions), and nothing deploys locally.
     */
    public static List<FunctionDefinition> read(IntrinsicResolver resolver) {
        CloudFormationTemplate template = resolver.template();
        Map<String, Object> globals = template.globals().get("Function") == null
                ? Map.of() : asMap(template.globals().get("Function"));
        Set<String> hooks = deploymentHooks(template, globals);
        List<FunctionDefinition> functions = new ArrayList<>();
        for (CloudFormationTemplate.Resource resource : template.resourcesOfType(FUNCTION_TYPE)) {
            if (resource.condition() != null && !resolver.condition(resource.condition())
                    || hooks.contains(resource.logicalId())) {
                continue;
            }
            functions.add(definition(resolver, resource, globals));
        }
        return functions;
    }

    /** Logical ids of the functions named as {@code DeploymentPreference.Hooks} (in Globals or by a function). */
    static Set<String> deploymentHooks(CloudFormationTemplate template, Map<String, Object> globals) {
        Set<String> hooks = new HashSet<>();
        List<Object> preferences = new ArrayList<>();
        preferences.add(globals.get("DeploymentPreference"));
        template.resourcesOfType(FUNCTION_TYPE).forEach(r -> preferences.add(r.properties().get("DeploymentPreference")));
        for (Object preference : preferences) {
            if (preference instanceof Map<?, ?> map && asMap(map).get("Hooks") instanceof Map<?, ?> hookMap) {
                asMap(hookMap).values().forEach(hook -> {
                    if (hook instanceof Map<?, ?> ref && asMap(ref).get("Ref") instanceof String id) {
                        hooks.add(id);
                    }
                });
            }
        }
        return hooks;
    }

    /**
     * Every {@code HttpApi} event of every function, whatever its condition: the routes the API can have, which
     * is what the API document must describe. Reads only the events (no environment, no code location).
     */
    public static List<HttpRoute> httpRoutes(IntrinsicResolver resolver) {
        List<HttpRoute> routes = new ArrayList<>();
        for (CloudFormationTemplate.Resource resource : resolver.template().resourcesOfType(FUNCTION_TYPE)) {
            Object events = resource.properties().get("Events");
            if (events == null) {
                continue;
            }
            asMap(events).forEach((eventName, rawEvent) -> {
                Map<String, Object> event = asMap(rawEvent);
                if ("HttpApi".equals(String.valueOf(event.get("Type")))) {
                    Map<String, Object> eventProps = event.get("Properties") == null ? Map.of() : asMap(event.get("Properties"));
                    routes.add(route(resolver, resource.logicalId(), eventProps,
                            resource.logicalId() + ".Properties.Events." + eventName + ".Properties."));
                }
            });
        }
        return List.copyOf(routes);
    }

    private static FunctionDefinition definition(IntrinsicResolver resolver, CloudFormationTemplate.Resource resource,
                                                 Map<String, Object> globals) {
        String id = resource.logicalId();
        String at = id + ".Properties.";
        Map<String, Object> props = new LinkedHashMap<>(globals);
        props.putAll(resource.properties());
        String handler = required(resolver, props, "Handler", at);
        String codeUri = required(resolver, props, "CodeUri", at);
        String runtime = props.get("Runtime") == null ? "java21" : resolver.resolveString(props.get("Runtime"), at + "Runtime");
        int timeout = integer(resolver, props.get("Timeout"), 3, at + "Timeout");
        int memory = integer(resolver, props.get("MemorySize"), 128, at + "MemorySize");
        String name = props.get("FunctionName") == null ? id : resolver.resolveString(props.get("FunctionName"), at + "FunctionName");

        Map<String, String> environment = new LinkedHashMap<>();
        environment.putAll(variables(resolver, globals.get("Environment"), "Globals.Function.Environment.Variables"));
        environment.putAll(variables(resolver, resource.properties().get("Environment"), at + "Environment.Variables"));

        List<HttpRoute> routes = new ArrayList<>();
        List<StreamSource> streams = new ArrayList<>();
        List<ScheduleSource> schedules = new ArrayList<>();
        Object events = resource.properties().get("Events");
        if (events != null) {
            asMap(events).forEach((eventName, rawEvent) -> {
                Map<String, Object> event = asMap(rawEvent);
                String type = String.valueOf(event.get("Type"));
                Map<String, Object> eventProps = event.get("Properties") == null ? Map.of() : asMap(event.get("Properties"));
                String where = at + "Events." + eventName + ".Properties.";
                switch (type) {
                    case "HttpApi" -> routes.add(route(resolver, id, eventProps, where));
                    case "DynamoDB" -> streams.add(stream(resolver, id, eventName, eventProps, where));
                    case "Schedule", "ScheduleV2" -> schedules.add(schedule(resolver, id, eventName, type, eventProps, where));
                    default -> System.getLogger(TemplateFunctions.class.getName()).log(System.Logger.Level.WARNING,
                            "{0}: event {1} of type {2} is not emulated locally", id, eventName, type);
                }
            });
        }
        Path code = resource.properties().get("CodeUri") == null && globals.get("CodeUri") == null
                ? null : resolver.template().baseDirectory().resolve(codeUri).normalize();
        return new FunctionDefinition(id, name, handler, code, runtime, timeout, memory, environment,
                List.copyOf(routes), List.copyOf(streams), List.copyOf(schedules));
    }

    private static String required(IntrinsicResolver resolver, Map<String, Object> props, String key, String at) {
        Object value = props.get(key);
        if (value == null) {
            throw new IllegalArgumentException(at + key + " is required");
        }
        if (value instanceof Map && !(asMap(value).keySet().iterator().next().startsWith("Fn::")
                || asMap(value).containsKey("Ref"))) {
            throw new IllegalArgumentException(at + key + " must be a local path, not " + value);
        }
        return resolver.resolveString(value, at + key);
    }

    private static int integer(IntrinsicResolver resolver, Object value, int fallback, String at) {
        if (value == null) {
            return fallback;
        }
        String text = resolver.resolveString(value, at);
        try {
            return (int) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + " is not a number: " + text, e);
        }
    }

    private static Map<String, String> variables(IntrinsicResolver resolver, Object environment, String at) {
        Map<String, String> result = new LinkedHashMap<>();
        if (environment == null || asMap(environment).get("Variables") == null) {
            return result;
        }
        Map<String, Object> variables = asMap(asMap(environment).get("Variables"));
        variables.forEach((name, value) -> {
            Object resolved = resolver.resolve(value, at + "." + name);
            if (resolved != IntrinsicResolver.NO_VALUE) {
                result.put(name, resolver.resolveString(resolved, at + "." + name));
            }
        });
        return result;
    }

    private static HttpRoute route(IntrinsicResolver resolver, String function, Map<String, Object> props, String at) {
        Object path = props.get("Path");
        Object method = props.get("Method");
        String resolvedPath = path == null ? null : resolver.resolveString(path, at + "Path");
        if (resolvedPath == null || resolvedPath.equals(HttpRoute.DEFAULT)) {
            return HttpRoute.defaultRoute(function);
        }
        String resolvedMethod = method == null ? "ANY" : resolver.resolveString(method, at + "Method");
        return new HttpRoute(resolvedMethod, resolvedPath, function);
    }

    private static StreamSource stream(IntrinsicResolver resolver, String function, String eventName,
                                       Map<String, Object> props, String at) {
        Object stream = props.get("Stream");
        String table = null;
        if (stream instanceof Map<?, ?> map && asMap(map).containsKey("Fn::GetAtt")) {
            Object getAtt = asMap(map).get("Fn::GetAtt");
            List<Object> parts = getAtt instanceof String s ? List.<Object>of((Object[]) s.split("\\.", 2)) : asList(getAtt);
            table = String.valueOf(parts.get(0));
        }
        if (table == null || !resolver.template().resources().containsKey(table)) {
            throw new IllegalArgumentException(at + "Stream must be !GetAtt <Table>.StreamArn of a table in the template");
        }
        List<String> patterns = new ArrayList<>();
        Object criteria = props.get("FilterCriteria");
        if (criteria != null && asMap(criteria).get("Filters") != null) {
            for (Object filter : asList(asMap(criteria).get("Filters"))) {
                patterns.add(resolver.resolveString(asMap(filter).get("Pattern"), at + "FilterCriteria.Filters.Pattern"));
            }
        }
        return new StreamSource(function, eventName, table,
                props.get("StartingPosition") == null ? "LATEST" : resolver.resolveString(props.get("StartingPosition"), at + "StartingPosition"),
                integer(resolver, props.get("BatchSize"), 100, at + "BatchSize"),
                integer(resolver, props.get("MaximumRetryAttempts"), -1, at + "MaximumRetryAttempts"),
                props.get("BisectBatchOnFunctionError") != null
                        && Boolean.parseBoolean(resolver.resolveString(props.get("BisectBatchOnFunctionError"), at + "BisectBatchOnFunctionError")),
                List.copyOf(patterns));
    }

    private static ScheduleSource schedule(IntrinsicResolver resolver, String function, String eventName, String type,
                                           Map<String, Object> props, String at) {
        Object expression = props.get(type.equals("Schedule") ? "Schedule" : "ScheduleExpression");
        if (expression == null) {
            throw new IllegalArgumentException(at + (type.equals("Schedule") ? "Schedule" : "ScheduleExpression") + " is required");
        }
        boolean enabled = true;
        if (props.get("Enabled") != null) {
            enabled = Boolean.parseBoolean(resolver.resolveString(props.get("Enabled"), at + "Enabled"));
        }
        if (props.get("State") != null) {
            enabled = !"DISABLED".equalsIgnoreCase(resolver.resolveString(props.get("State"), at + "State"));
        }
        String input = props.get("Input") == null ? null : resolver.resolveString(props.get("Input"), at + "Input");
        return new ScheduleSource(function, eventName, resolver.resolveString(expression, at + "Schedule"), input, enabled);
    }
}
