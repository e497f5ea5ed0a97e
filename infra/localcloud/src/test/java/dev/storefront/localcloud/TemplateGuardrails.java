package dev.storefront.localcloud;

import static dev.storefront.localcloud.CloudFormationTemplate.asList;
import static dev.storefront.localcloud.CloudFormationTemplate.asMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.yaml.snakeyaml.Yaml;

/**
 * Rules the project's template keeps so that the stack can be trusted with real orders. Each rule returns its
 * violations as {@code "<logical id>: <rule>: <what is wrong>"}; an empty list means the template keeps it.
 *
 * <ul>
 *   <li>{@link #functionLogGroups}: every function logs to a log group of the template with a retention;</li>
 *   <li>{@link #functionReleases}: every function has an alias and a gradual release watched by alarms on that
 *       function (errors, throttles, duration); deployment hooks opt out explicitly;</li>
 *   <li>{@link #iamStatements}: no IAM statement allows {@code *}, nor a data action (DynamoDB, SQS, Secrets
 *       Manager, S3, KMS) on every resource; no managed policy that nobody reviewed;</li>
 *   <li>{@link #tableProtection}: every DynamoDB table has point-in-time recovery, encryption and deletion
 *       protection;</li>
 *   <li>{@link #asyncFailureDestinations}: every stream or queue source has somewhere for failed records to go;</li>
 *   <li>{@link #scheduleDeadLetters}: every schedule has a dead-letter queue, or says why not
 *       ({@code Metadata.Guardrails.ScheduleWithoutDeadLetterQueue} of the function or rule).</li>
 * </ul>
 */
final class TemplateGuardrails {

    static final String FUNCTION = "AWS::Serverless::Function";
    private static final Set<String> DATA_SERVICES = Set.of("dynamodb", "sqs", "secretsmanager", "s3", "kms");
    /** AWS managed policies that grant no data access (what SAM attaches to functions). */
    private static final Set<String> REVIEWED_MANAGED_POLICIES = Set.of("AWSLambdaBasicExecutionRole",
            "AWSLambdaVPCAccessExecutionRole", "AWSXrayWriteOnlyAccess", "AWSXRayDaemonWriteAccess");
    private static final Set<String> RELEASE_METRICS = Set.of("Errors", "Throttles", "Duration");
    /** HTTP functions answer failures as 500s, which are successful invocations: their own metric (ApiHandler). */
    private static final String HTTP_RELEASE_METRIC = "Http5xx";

    private final Map<String, Object> globalsFunction;
    private final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();

    private TemplateGuardrails(Map<String, Object> root) {
        Map<String, Object> globals = section(root, "Globals");
        this.globalsFunction = globals.get("Function") == null ? Map.of() : asMap(globals.get("Function"));
        section(root, "Resources").forEach((id, resource) -> resources.put(id, asMap(resource)));
    }

    static TemplateGuardrails parse(String yaml) {
        return new TemplateGuardrails(asMap(new Yaml(new IntrinsicYamlConstructor()).load(yaml)));
    }

    static TemplateGuardrails load(Path template) {
        try {
            return parse(Files.readString(template, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rule by name, for running them all. */
    Map<String, Function<TemplateGuardrails, List<String>>> rules() {
        Map<String, Function<TemplateGuardrails, List<String>>> rules = new LinkedHashMap<>();
        rules.put("log groups", TemplateGuardrails::functionLogGroups);
        rules.put("releases", TemplateGuardrails::functionReleases);
        rules.put("IAM", TemplateGuardrails::iamStatements);
        rules.put("tables", TemplateGuardrails::tableProtection);
        rules.put("async sources", TemplateGuardrails::asyncFailureDestinations);
        rules.put("schedules", TemplateGuardrails::scheduleDeadLetters);
        return rules;
    }

    // --- log groups ----------------------------------------------------------------------------------------

    List<String> functionLogGroups() {
        List<String> violations = new ArrayList<>();
        functions().forEach((id, props) -> {
            Object logGroup = map(merged(props, "LoggingConfig")).get("LogGroup");
            String ref = ref(logGroup);
            if (logGroup == null) {
                violations.add(id + ": log group: no LoggingConfig.LogGroup (Lambda would create one that keeps logs"
                        + " forever)");
            } else if (ref == null || !type(ref).equals("AWS::Logs::LogGroup")) {
                violations.add(id + ": log group: LoggingConfig.LogGroup is not a !Ref of an AWS::Logs::LogGroup of"
                        + " the template");
            } else if (properties(ref).get("RetentionInDays") == null) {
                violations.add(id + ": log group: " + ref + " has no RetentionInDays");
            }
        });
        return violations;
    }

    // --- releases ------------------------------------------------------------------------------------------

    List<String> functionReleases() {
        List<String> violations = new ArrayList<>();
        Set<String> hooks = deploymentHooks();
        functions().forEach((id, props) -> {
            Object alias = props.containsKey("AutoPublishAlias") ? props.get("AutoPublishAlias")
                    : globalsFunction.get("AutoPublishAlias");
            if (alias == null || String.valueOf(alias).isBlank()) {
                violations.add(id + ": release: no AutoPublishAlias (own or from Globals)");
            }
            Map<String, Object> preference = merged(props, "DeploymentPreference");
            boolean enabled = preference.isEmpty() || !isFalse(preference.get("Enabled"));
            if (hooks.contains(id)) {
                if (enabled) {
                    violations.add(id + ": release: it is a deployment hook and must set DeploymentPreference."
                            + "Enabled: false (a hook cannot gate its own release)");
                }
                return;
            }
            if (preference.isEmpty() || !enabled) {
                violations.add(id + ": release: no enabled DeploymentPreference (a bad version would take all"
                        + " traffic at once)");
                return;
            }
            if (preference.get("Type") == null) {
                violations.add(id + ": release: DeploymentPreference has no Type");
            }
            List<Object> alarms = preference.get("Alarms") instanceof List<?> list ? asList(list) : List.of();
            if (alarms.isEmpty()) {
                violations.add(id + ": release: DeploymentPreference has no Alarms (nothing would roll it back)");
                return;
            }
            Set<String> metrics = new HashSet<>();
            for (Object alarm : alarms) {
                String alarmId = ref(alarm);
                if (alarmId == null || !type(alarmId).equals("AWS::CloudWatch::Alarm")) {
                    violations.add(id + ": release: alarm " + alarm + " is not a !Ref of an alarm of the template");
                } else if (!watchesFunction(properties(alarmId), id)) {
                    violations.add(id + ": release: alarm " + alarmId + " does not watch " + id
                            + " (dimension FunctionName: !Ref " + id + ")");
                } else {
                    metrics.add(String.valueOf(properties(alarmId).get("MetricName")));
                }
            }
            Set<String> missing = new TreeSet<>(RELEASE_METRICS);
            if (servesHttp(props)) {
                missing.add(HTTP_RELEASE_METRIC);
            }
            missing.removeAll(metrics);
            if (!missing.isEmpty()) {
                violations.add(id + ": release: no alarm on " + String.join(", ", missing) + " of the function");
            }
        });
        return violations;
    }

    private static boolean servesHttp(Map<String, Object> function) {
        if (function.get("Events") instanceof Map<?, ?> events) {
            for (Object event : events.values()) {
                if ("HttpApi".equals(map(event).get("Type"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** By dimension {@code FunctionName} (AWS/Lambda) or {@code Service} (the Storefront namespace). */
    private static boolean watchesFunction(Map<String, Object> alarm, String functionId) {
        List<Object> dimensionLists = new ArrayList<>();
        dimensionLists.add(alarm.get("Dimensions"));
        if (alarm.get("Metrics") instanceof List<?> metrics) {
            for (Object metric : metrics) {
                Object stat = map(metric).get("MetricStat");
                dimensionLists.add(map(map(stat).get("Metric")).get("Dimensions"));
            }
        }
        for (Object dimensions : dimensionLists) {
            if (dimensions instanceof List<?> list) {
                for (Object dimension : list) {
                    Map<String, Object> d = map(dimension);
                    if (("FunctionName".equals(d.get("Name")) || "Service".equals(d.get("Name")))
                            && functionId.equals(ref(d.get("Value")))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Functions named in a {@code DeploymentPreference.Hooks} (Globals or a function's own). */
    private Set<String> deploymentHooks() {
        Set<String> hooks = new HashSet<>();
        List<Object> preferences = new ArrayList<>();
        preferences.add(globalsFunction.get("DeploymentPreference"));
        functions().values().forEach(props -> preferences.add(props.get("DeploymentPreference")));
        for (Object preference : preferences) {
            map(map(preference).get("Hooks")).values().forEach(hook -> {
                if (ref(hook) != null) {
                    hooks.add(ref(hook));
                }
            });
        }
        return hooks;
    }

    // --- IAM -----------------------------------------------------------------------------------------------

    List<String> iamStatements() {
        List<String> violations = new ArrayList<>();
        resources.forEach((id, resource) -> {
            Map<String, Object> props = properties(id);
            switch (String.valueOf(resource.get("Type"))) {
                case FUNCTION -> {
                    for (Object policy : list(props.get("Policies") == null ? globalsFunction.get("Policies")
                            : props.get("Policies"))) {
                        if (policy instanceof String name) {
                            managedPolicy(id, name, violations);
                        } else if (map(policy).containsKey("Statement")) {
                            statements(id, map(policy), violations);
                        }
                        // else: !Ref of a managed policy of the template (checked as its own resource), or a SAM
                        // policy template, which SAM scopes to the resource it names
                    }
                }
                case "AWS::IAM::Role" -> {
                    for (Object policy : list(props.get("Policies"))) {
                        statements(id, map(map(policy).get("PolicyDocument")), violations);
                    }
                    for (Object arn : list(props.get("ManagedPolicyArns"))) {
                        if (arn instanceof String name) {
                            managedPolicy(id, name, violations);
                        }
                    }
                }
                case "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", "AWS::EC2::VPCEndpoint" ->
                        statements(id, map(props.get("PolicyDocument")), violations);
                default -> {
                }
            }
        });
        return violations;
    }

    private static void managedPolicy(String id, String name, List<String> violations) {
        String shortName = name.substring(name.lastIndexOf('/') + 1);
        if (!REVIEWED_MANAGED_POLICIES.contains(shortName)) {
            violations.add(id + ": IAM: managed policy " + shortName + " is not one reviewed to grant no data access");
        }
    }

    private static void statements(String id, Map<String, Object> document, List<String> violations) {
        for (Object statement : branches(document.get("Statement"))) {
            Map<String, Object> s = map(statement);
            if (!"Allow".equals(s.get("Effect"))) {
                continue;
            }
            String name = id + ": IAM: statement " + (s.get("Sid") == null ? "" : s.get("Sid") + " ");
            if (s.containsKey("NotAction")) {
                violations.add(name + "allows NotAction (everything but a list)");
            }
            if (s.containsKey("NotResource")) {
                violations.add(name + "allows NotResource (everything but a list)");
            }
            List<String> actions = strings(s.get("Action"));
            boolean everyResource = strings(s.get("Resource")).contains("*");
            for (String action : actions) {
                if (action.equals("*")) {
                    violations.add(name + "allows Action \"*\"");
                } else if (everyResource && DATA_SERVICES.contains(action.split(":", 2)[0].toLowerCase(Locale.ROOT))) {
                    violations.add(name + "allows data action " + action + " on Resource \"*\"");
                }
            }
        }
    }

    /** Statements of a document: a list, one statement, or {@code Fn::If} of either (both branches count). */
    private static List<Object> branches(Object value) {
        List<Object> out = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                out.addAll(branches(item));
            }
        } else if (value instanceof Map<?, ?> raw) {
            Map<String, Object> m = asMap(raw);
            if (m.size() == 1 && m.containsKey("Fn::If")) {
                List<Object> args = asList(m.get("Fn::If"));
                out.addAll(branches(args.get(1)));
                out.addAll(branches(args.get(2)));
            } else if (!"AWS::NoValue".equals(m.get("Ref"))) {
                out.add(m);
            }
        }
        return out;
    }

    // --- tables --------------------------------------------------------------------------------------------

    List<String> tableProtection() {
        List<String> violations = new ArrayList<>();
        resources.forEach((id, resource) -> {
            if (!"AWS::DynamoDB::Table".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> props = properties(id);
            if (!isTrue(map(props.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"))) {
                violations.add(id + ": table: no point-in-time recovery (PointInTimeRecoveryEnabled: true)");
            }
            if (!isTrue(map(props.get("SSESpecification")).get("SSEEnabled"))) {
                violations.add(id + ": table: no SSESpecification.SSEEnabled: true");
            }
            if (!isTrue(props.get("DeletionProtectionEnabled"))) {
                violations.add(id + ": table: no DeletionProtectionEnabled: true");
            }
        });
        return violations;
    }

    // --- asynchronous sources ------------------------------------------------------------------------------

    List<String> asyncFailureDestinations() {
        List<String> violations = new ArrayList<>();
        functions().forEach((id, props) -> map(props.get("Events")).forEach((name, raw) -> {
            Map<String, Object> event = map(raw);
            Map<String, Object> eventProps = map(event.get("Properties"));
            String type = String.valueOf(event.get("Type"));
            if (type.equals("DynamoDB") || type.equals("Kinesis")) {
                if (map(map(eventProps.get("DestinationConfig")).get("OnFailure")).get("Destination") == null) {
                    violations.add(id + ": async source: " + type + " event " + name
                            + " has no DestinationConfig.OnFailure.Destination (failed batches would be lost)");
                }
            } else if (type.equals("SQS")) {
                String queue = getAttResource(eventProps.get("Queue"));
                if (queue == null || map(properties(queue).get("RedrivePolicy")).get("deadLetterTargetArn") == null) {
                    violations.add(id + ": async source: SQS event " + name + " reads a queue without a"
                            + " RedrivePolicy.deadLetterTargetArn in the template");
                }
            }
        }));
        resources.forEach((id, resource) -> {
            if ("AWS::Lambda::EventSourceMapping".equals(resource.get("Type"))) {
                Map<String, Object> props = properties(id);
                String source = String.valueOf(props.get("EventSourceArn"));
                boolean stream = source.contains("StreamArn") || source.contains(":kinesis:")
                        || source.contains("AWS::Kinesis");
                if (stream && map(map(props.get("DestinationConfig")).get("OnFailure")).get("Destination") == null) {
                    violations.add(id + ": async source: stream mapping without DestinationConfig.OnFailure");
                }
            }
        });
        return violations;
    }

    // --- schedules -----------------------------------------------------------------------------------------

    List<String> scheduleDeadLetters() {
        List<String> violations = new ArrayList<>();
        functions().forEach((id, props) -> map(props.get("Events")).forEach((name, raw) -> {
            Map<String, Object> event = map(raw);
            String type = String.valueOf(event.get("Type"));
            if ((type.equals("Schedule") || type.equals("ScheduleV2"))
                    && map(event.get("Properties")).get("DeadLetterConfig") == null && !justified(id)) {
                violations.add(id + ": schedule: " + type + " event " + name + " has no DeadLetterConfig and no"
                        + " Metadata.Guardrails.ScheduleWithoutDeadLetterQueue saying why");
            }
        }));
        resources.forEach((id, resource) -> {
            Map<String, Object> props = properties(id);
            if ("AWS::Events::Rule".equals(resource.get("Type")) && props.get("ScheduleExpression") != null) {
                for (Object target : list(props.get("Targets"))) {
                    if (map(target).get("DeadLetterConfig") == null && !justified(id)) {
                        violations.add(id + ": schedule: target " + map(target).get("Id") + " has no"
                                + " DeadLetterConfig and no Metadata.Guardrails.ScheduleWithoutDeadLetterQueue");
                    }
                }
            } else if ("AWS::Scheduler::Schedule".equals(resource.get("Type"))
                    && map(props.get("Target")).get("DeadLetterConfig") == null && !justified(id)) {
                violations.add(id + ": schedule: its Target has no DeadLetterConfig and no"
                        + " Metadata.Guardrails.ScheduleWithoutDeadLetterQueue");
            }
        });
        return violations;
    }

    private boolean justified(String id) {
        Object reason = map(map(resources.get(id).get("Metadata")).get("Guardrails"))
                .get("ScheduleWithoutDeadLetterQueue");
        return reason instanceof String text && !text.isBlank();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private Map<String, Map<String, Object>> functions() {
        Map<String, Map<String, Object>> functions = new LinkedHashMap<>();
        resources.forEach((id, resource) -> {
            if (FUNCTION.equals(resource.get("Type"))) {
                functions.put(id, properties(id));
            }
        });
        return functions;
    }

    /** A map-valued function property merged over its Globals value, as SAM merges maps. */
    private Map<String, Object> merged(Map<String, Object> props, String key) {
        Map<String, Object> result = new LinkedHashMap<>(map(globalsFunction.get(key)));
        result.putAll(map(props.get(key)));
        return result;
    }

    private Map<String, Object> properties(String id) {
        Map<String, Object> resource = resources.get(id);
        return resource == null ? Map.of() : map(resource.get("Properties"));
    }

    private String type(String id) {
        Map<String, Object> resource = resources.get(id);
        return resource == null ? "" : String.valueOf(resource.get("Type"));
    }

    private static Map<String, Object> section(Map<String, Object> root, String name) {
        return map(root.get(name));
    }

    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? asMap(m) : Map.of();
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? asList(l) : List.of();
    }

    /** Strings of a scalar or list; intrinsics (e.g. {@code !Sub}) are never {@code "*"}. */
    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        for (Object item : value instanceof List<?> l ? asList(l) : value == null ? List.of() : List.of(value)) {
            if (item instanceof String text) {
                out.add(text);
            }
        }
        return out;
    }

    private static String ref(Object value) {
        return value instanceof Map<?, ?> m && asMap(m).get("Ref") instanceof String id ? id : null;
    }

    private static String getAttResource(Object value) {
        if (value instanceof Map<?, ?> m && asMap(m).get("Fn::GetAtt") instanceof List<?> parts && !parts.isEmpty()) {
            return String.valueOf(parts.get(0));
        }
        return null;
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    private static boolean isFalse(Object value) {
        return Boolean.FALSE.equals(value) || "false".equalsIgnoreCase(String.valueOf(value));
    }
}
