package dev.storefront.functions.deployhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreTrafficHookHandlerTest {

    private static final String GROUP = "storefront-ShippingFunctionDeploymentGroup-ABC";
    private static final String VERSION = "storefront-shipping:12";

    private final FakeDeployments deployments = new FakeDeployments();
    private final FakeInvoker invoker = new FakeInvoker();
    private final PreTrafficHookHandler hook = new PreTrafficHookHandler(new PreTrafficCheck(deployments, invoker,
            () -> Targets.fromEnvironment(Map.of("STOREFRONT_PRE_TRAFFIC_SHIPPING", GROUP + " " + VERSION)),
            Clock.systemUTC()));

    private JsonNode handle(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        hook.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return Results.JSON.readTree(out.toByteArray());
    }

    @Test
    void handleRequest_shouldCheckTheDeploymentOfTheEvent_andReportIt() throws Exception {
        // given: CodeDeploy's BeforeAllowTraffic event for a shipping deployment
        deployments.groups.put("d-SHIP9", GROUP);
        invoker.answer = call -> Responses.json("pre-traffic-d-SHIP9", 200,
                "{\"options\":[{\"method\":\"standard\",\"carrier\":\"UPS\",\"amount\":{\"amount\":599,\"currency\":\"USD\"}}]}");

        // when
        JsonNode result = handle("{\"DeploymentId\":\"d-SHIP9\",\"LifecycleEventHookExecutionId\":\"eyJ-exec\"}");

        // then
        assertThat(result.path("status").asText()).isEqualTo("Succeeded");
        assertThat(result.path("reason").asText()).contains("GET /shipping/rates?country=US");
        assertThat(deployments.reports).containsExactly(new FakeDeployments.Report("d-SHIP9", "eyJ-exec", true));
    }

    @Test
    void handleRequest_shouldRefuseAnEventWithoutHookIds_withoutReportingAnything() {
        assertThatThrownBy(() -> handle("{\"DeploymentId\":\"d-1\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LifecycleEventHookExecutionId");
        assertThat(deployments.reports).isEmpty();
        assertThat(invoker.calls).isEmpty();
    }
}
