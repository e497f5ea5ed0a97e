package dev.storefront.functions.deployhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreTrafficCheckTest {

    private static final String CART_GROUP = "storefront-CartFunctionDeploymentGroup-1A2B3C";
    private static final String CART_VERSION = "storefront-cart:7";
    private static final String SHIPPING_GROUP = "storefront-ShipmentCreatorFunctionDeploymentGroup-4D5E6F";
    private static final String CREATOR_VERSION = "storefront-shipment-creator:3";

    private final FakeDeployments deployments = new FakeDeployments();
    private final FakeInvoker invoker = new FakeInvoker();
    private final Map<String, String> environment = Map.of(
            "STOREFRONT_PRE_TRAFFIC_CART", CART_GROUP + " " + CART_VERSION,
            "STOREFRONT_PRE_TRAFFIC_SHIPMENT_CREATOR", SHIPPING_GROUP + " " + CREATOR_VERSION,
            "AWS_REGION", "us-east-1");
    private final PreTrafficCheck check = new PreTrafficCheck(deployments, invoker,
            () -> Targets.fromEnvironment(environment), Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void run_shouldInvokeTheNewVersionWithItsProbe_andReportSucceeded_whenItIsHealthy() throws Exception {
        // given
        deployments.groups.put("d-CART1", CART_GROUP);
        invoker.answer = call -> Responses.unauthorized("pre-traffic-d-CART1");

        // when
        Verdict verdict = check.run("d-CART1", "hook-1");

        // then
        assertThat(verdict.succeeded()).as(verdict.reason()).isTrue();
        assertThat(invoker.calls).singleElement().satisfies(call -> {
            assertThat(call.version()).isEqualTo(CART_VERSION);
            JsonNode event = Results.JSON.readTree(call.payload());
            assertThat(event.path("routeKey").asText()).isEqualTo("GET /cart");
            assertThat(event.path("requestContext").path("requestId").asText()).isEqualTo("pre-traffic-d-CART1");
        });
        assertThat(deployments.reports).containsExactly(new FakeDeployments.Report("d-CART1", "hook-1", true));
    }

    @Test
    void run_shouldReportFailed_whenTheNewVersionIsUnhealthy() {
        // given: the new shipment creator crashes on an empty batch
        deployments.groups.put("d-SHIP1", SHIPPING_GROUP);
        invoker.answer = call -> new Invocation(200, "Unhandled", "{\"errorMessage\":\"boom\"}");

        // when
        Verdict verdict = check.run("d-SHIP1", "hook-2");

        // then
        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).startsWith("SHIPMENT_CREATOR " + CREATOR_VERSION + ": the function failed");
        assertThat(invoker.calls).singleElement().extracting(FakeInvoker.Call::payload).isEqualTo("{\"Records\":[]}");
        assertThat(deployments.reports).containsExactly(new FakeDeployments.Report("d-SHIP1", "hook-2", false));
    }

    @Test
    void run_shouldReportFailed_withoutInvokingAnything_whenTheDeploymentGroupIsUnknown() {
        deployments.groups.put("d-NEW", "storefront-NewFunctionDeploymentGroup-XYZ");

        Verdict verdict = check.run("d-NEW", "hook-3");

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).contains("storefront-NewFunctionDeploymentGroup-XYZ is not one the hook knows");
        assertThat(invoker.calls).isEmpty();
        assertThat(deployments.reports).containsExactly(new FakeDeployments.Report("d-NEW", "hook-3", false));
    }

    @Test
    void run_shouldReportFailed_whenTheInvocationThrows() {
        deployments.groups.put("d-CART2", CART_GROUP);
        invoker.answer = call -> {
            throw new IllegalStateException("AccessDeniedException: not authorized to perform lambda:InvokeFunction");
        };

        Verdict verdict = check.run("d-CART2", "hook-4");

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).contains("AccessDeniedException");
        assertThat(deployments.reports).containsExactly(new FakeDeployments.Report("d-CART2", "hook-4", false));
    }

    @Test
    void run_shouldReportFailed_whenCodeDeployDoesNotKnowTheDeployment() {
        Verdict verdict = check.run("d-GONE", "hook-5");

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).contains("DeploymentDoesNotExistException");
        assertThat(deployments.reports).containsExactly(new FakeDeployments.Report("d-GONE", "hook-5", false));
    }

    @Test
    void run_shouldReportFailed_whenTheHooksEnvironmentIsMalformed() {
        deployments.groups.put("d-CART3", CART_GROUP);
        PreTrafficCheck broken = new PreTrafficCheck(deployments, invoker,
                () -> Targets.fromEnvironment(Map.of("STOREFRONT_PRE_TRAFFIC_CART", CART_VERSION)), Clock.systemUTC());

        Verdict verdict = broken.run("d-CART3", "hook-6");

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).contains("STOREFRONT_PRE_TRAFFIC_CART must be");
        assertThat(deployments.reports).containsExactly(new FakeDeployments.Report("d-CART3", "hook-6", false));
    }
}
