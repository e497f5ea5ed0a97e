package dev.storefront.platform.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;

class LineLoggerFactoryTest {

    private static final String ISO_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";
    private static final String TEXT_TIME = "\\d{2}:\\d{2}:\\d{2}\\.\\d{3}";
    private static final Map<String, String> LAMBDA = Map.of("AWS_LAMBDA_FUNCTION_NAME", "storefront-accounts",
            "AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final MDCAdapter mdc = new BasicMDCAdapter();

    private Logger logger(Map<String, String> variables, String name) {
        return new LineLoggerFactory(mdc, variables, out).getLogger(name);
    }

    private String[] lines() {
        return bytes.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void requestLine_shouldBeTheJsonObjectOfBefore_inLambda() {
        mdc.put("requestId", "Jx7qWhJxoAMEbXw=");
        Logger log = logger(LAMBDA, "dev.storefront.platform.http.ApiHandler");

        log.info("{} {} -> {} in {} ms", "POST", "POST /auth/login", 200, 41);

        assertThat(lines()).singleElement().asString().matches("\\{\"timestamp\":\"" + ISO_INSTANT + "\","
                + "\"level\":\"INFO\",\"logger\":\"dev.storefront.platform.http.ApiHandler\","
                + "\"message\":\"POST POST /auth/login -> 200 in 41 ms\",\"requestId\":\"Jx7qWhJxoAMEbXw=\"}");
    }

    @Test
    void errorLine_shouldCarryTypeMessageAndStack_inJson() {
        Logger log = logger(LAMBDA, "dev.storefront.platform.http.ErrorMapper");

        log.error("unexpected failure handling {}", "GET /cart", new IllegalStateException("boom \"quoted\""));

        String line = lines()[0];
        assertThat(line).startsWith("{\"timestamp\":\"").endsWith("\"}")
                .contains("\"level\":\"ERROR\"", "\"message\":\"unexpected failure handling GET /cart\"",
                        "\"errorType\":\"java.lang.IllegalStateException\"",
                        "\"errorMessage\":\"boom \\\"quoted\\\"\"",
                        "\"stackTrace\":\"\\tat dev.storefront.platform.log.LineLoggerFactoryTest.");
        assertThat(lines()).hasSize(1);
    }

    @Test
    void format_shouldStayJson_inLambda_evenWhenTextIsAskedFor() {
        Map<String, String> variables = new java.util.HashMap<>(LAMBDA);
        variables.put(LogFormat.VARIABLE, "text");

        logger(variables, "dev.storefront.X").info("hello");

        assertThat(lines()[0]).startsWith("{\"timestamp\":");
    }

    @Test
    void format_shouldBeText_whenTheLocalEnvironmentAsksForIt_labelledAsConfigured() {
        mdc.put("requestId", "abc123");
        Logger log = logger(Map.of("AWS_LAMBDA_FUNCTION_NAME", "storefront-local-accounts",
                LogFormat.VARIABLE, "text", LogFormat.LABEL_VARIABLE, "accounts"),
                "dev.storefront.platform.http.ApiHandler");

        log.info("{} -> {} in {} ms", "POST /auth/login", 200, 41);

        assertThat(lines()).singleElement().asString()
                .matches(TEXT_TIME + " accounts POST /auth/login -> 200 in 41 ms req=abc123");
    }

    @Test
    void textLabel_shouldBeTheFunctionName_withoutALabel() {
        logger(Map.of("AWS_LAMBDA_FUNCTION_NAME", "storefront-local-cart", LogFormat.VARIABLE, "TEXT"),
                "dev.storefront.X").info("hello");

        assertThat(lines()[0]).matches(TEXT_TIME + " storefront-local-cart hello");
    }

    @Test
    void libraries_shouldLogWarningsOnly_andTheApplicationItsLevel() {
        Map<String, String> variables = Map.of(LogFormat.VARIABLE, "text", "STOREFRONT_LOG_LEVEL", "info");

        logger(variables, "io.micronaut.context.DefaultBeanContext").info("library chatter");
        logger(variables, "io.micronaut.context.DefaultBeanContext").warn("library warning");
        logger(variables, "dev.storefront.X").debug("application detail");
        logger(variables, "dev.storefront.X").info("application info");

        assertThat(lines()).hasSize(2);
        assertThat(lines()[0]).endsWith(" local WARN DefaultBeanContext: library warning");
        assertThat(lines()[1]).endsWith(" local application info");
    }

    @Test
    void logFormat_shouldBeJson_unlessTextIsSelected() {
        assertThat(LogFormat.of(Map.of())).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.of(Map.of(LogFormat.VARIABLE, "json"))).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.of(Map.of(LogFormat.VARIABLE, "yaml"))).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.of(Map.of(LogFormat.VARIABLE, " Text "))).isEqualTo(LogFormat.TEXT);
    }
}
