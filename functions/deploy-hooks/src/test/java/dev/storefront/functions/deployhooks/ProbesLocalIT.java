package dev.storefront.functions.deployhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.local.FunctionException;
import dev.storefront.local.LocalOptions;
import dev.storefront.local.LocalStorefront;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every probe against the function it checks, as this tree builds it (the deployment zips, run by the local
 * runner over moto, the local DynamoDB, and Redis): a healthy version must pass, or every release would roll
 * back. And a probe is specific: sent to another function, it fails.
 */
class ProbesLocalIT {

    private static final String REQUEST_ID = "pre-traffic-d-LOCAL";
    private static LocalStorefront storefront;

    @BeforeAll
    static void startStorefront() {
        Path template = Path.of("../../template.yaml").toAbsolutePath().normalize();
        storefront = LocalStorefront.start(LocalOptions.builder(template).port(0)
                .setting("STOREFRONT_SEED_PRODUCTS", "0").build());
    }

    @AfterAll
    static void stopStorefront() {
        if (storefront != null) {
            storefront.close();
        }
    }

    static Stream<String> functions() {
        return Probes.all().keySet().stream();
    }

    private static Invocation invoke(String logicalId, Probe probe) {
        byte[] event = probe.event(REQUEST_ID, Instant.now()).getBytes(StandardCharsets.UTF_8);
        try {
            return new Invocation(200, null, new String(storefront.invoke(logicalId, event), StandardCharsets.UTF_8));
        } catch (FunctionException e) {
            return new Invocation(200, "Unhandled", String.valueOf(e.getMessage()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void probe_shouldPass_againstTheFunctionOfThisTree(String function) {
        // given
        Probe probe = Probes.forFunction(function).orElseThrow();

        // when
        Verdict verdict = probe.judge(invoke(FunctionKeys.logicalId(function), probe), REQUEST_ID);

        // then
        assertThat(verdict.succeeded()).as("%s: %s", function, verdict.reason()).isTrue();
    }

    @Test
    void probe_shouldFail_againstAnotherFunction() {
        // the cart's probe (GET /cart, anonymous) at the catalog function, which has no such route
        Probe cart = Probes.forFunction("CART").orElseThrow();

        Verdict verdict = cart.judge(invoke("CatalogFunction", cart), REQUEST_ID);

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).startsWith("answered 404 instead of 401");
    }
}
