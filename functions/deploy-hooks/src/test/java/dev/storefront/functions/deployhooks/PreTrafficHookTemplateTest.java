package dev.storefront.functions.deployhooks;

import static dev.storefront.localcloud.CloudFormationTemplate.asList;
import static dev.storefront.localcloud.CloudFormationTemplate.asMap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.localcloud.CloudFormationTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The hook as template.yaml deploys it: every function's release goes through it, it knows every function's
 * deployment group and new version, has a probe for each that hits one of the function's own routes, and may
 * invoke exactly those functions.
 */
class PreTrafficHookTemplateTest {

    private static final String HOOK = "PreTrafficHookFunction";
    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.load(Path.of("../../template.yaml"));

    private static List<String> checkedFunctions() {
        return TEMPLATE.resourcesOfType("AWS::Serverless::Function").stream()
                .map(CloudFormationTemplate.Resource::logicalId).filter(id -> !id.equals(HOOK)).toList();
    }

    private static Map<String, Object> hookVariables() {
        Map<String, Object> hook = TEMPLATE.resources().get(HOOK).properties();
        return asMap(asMap(hook.get("Environment")).get("Variables"));
    }

    @Test
    void everyFunction_shouldReleaseThroughTheHook() {
        Map<String, Object> globals = asMap(TEMPLATE.globals().get("Function"));
        Map<String, Object> preference = asMap(globals.get("DeploymentPreference"));
        assertThat(asMap(preference.get("Hooks")).get("PreTraffic")).isEqualTo(Map.of("Ref", HOOK));

        for (String function : checkedFunctions()) {
            Map<String, Object> own = asMap(TEMPLATE.resources().get(function).properties().get("DeploymentPreference"));
            assertThat(own).as(function).doesNotContainKeys("Hooks", "Enabled");
        }
        Map<String, Object> hook = asMap(TEMPLATE.resources().get(HOOK).properties().get("DeploymentPreference"));
        assertThat(hook).as("the hook does not gate its own release").containsEntry("Enabled", false);
    }

    @Test
    void hook_shouldKnowEveryFunctionsDeploymentGroupAndNewVersion() {
        Map<String, Object> expected = new LinkedHashMap<>();
        for (String function : checkedFunctions()) {
            expected.put(Targets.PREFIX + FunctionKeys.key(function), Map.of("Fn::Sub",
                    "${" + function + "DeploymentGroup} ${" + function + "}:${" + function + ".Version.Version}"));
        }

        Map<String, Object> targets = new LinkedHashMap<>(hookVariables());
        targets.keySet().removeIf(name -> !name.startsWith(Targets.PREFIX));

        assertThat(targets).isEqualTo(expected);
    }

    @Test
    void everyFunction_shouldHaveAProbe_andEveryProbeAFunction() {
        Set<String> keys = new TreeSet<>();
        checkedFunctions().forEach(function -> keys.add(FunctionKeys.key(function)));

        assertThat(new TreeSet<>(Probes.all().keySet())).isEqualTo(keys);
    }

    @Test
    void everyHttpProbe_shouldHitARouteOfItsFunction_andEveryEventProbeAFunctionWithoutRoutes() {
        Probes.all().forEach((key, probe) -> {
            List<String> routes = new ArrayList<>();
            Object events = TEMPLATE.resources().get(FunctionKeys.logicalId(key)).properties().get("Events");
            asMap(events).values().forEach(raw -> {
                Map<String, Object> event = asMap(raw);
                if ("HttpApi".equals(event.get("Type"))) {
                    Map<String, Object> props = asMap(event.get("Properties"));
                    routes.add(props.get("Method") + " " + props.get("Path"));
                }
            });
            if (probe instanceof HttpProbe http) {
                assertThat(routes).as(key).contains(http.routeKey());
            } else {
                assertThat(routes).as(key + " is not an API function").isEmpty();
            }
        });
    }

    @Test
    void hook_shouldBeNamedForCodeDeploysRole_andInvokeOnlyTheFunctionsItChecks() {
        Map<String, Object> hook = TEMPLATE.resources().get(HOOK).properties();
        assertThat(String.valueOf(asMap(hook.get("FunctionName")).get("Fn::Sub"))).startsWith("CodeDeployHook_");
        assertThat(hook.get("Role")).isEqualTo(Map.of("Fn::GetAtt", List.of("PreTrafficHookRole", "Arn")));

        Map<String, Object> role = TEMPLATE.resources().get("PreTrafficHookRole").properties();
        List<Object> statements = new ArrayList<>();
        for (Object policy : asList(role.get("Policies"))) {
            statements.addAll(asList(asMap(asMap(policy).get("PolicyDocument")).get("Statement")));
        }
        Map<String, Object> invoke = statements.stream().map(CloudFormationTemplate::asMap)
                .filter(s -> "lambda:InvokeFunction".equals(s.get("Action"))).findFirst().orElseThrow();
        List<Object> expected = new ArrayList<>();
        for (String function : checkedFunctions()) {
            expected.add(Map.of("Fn::Sub",
                    "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${" + function + "}:*"));
        }
        assertThat(asList(invoke.get("Resource"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(statements).as("no other statement names Lambda")
                .filteredOn(s -> !"lambda:InvokeFunction".equals(asMap(s).get("Action")))
                .allSatisfy(s -> assertThat(String.valueOf(asMap(s).get("Action"))).doesNotContain("lambda:"));
    }
}
