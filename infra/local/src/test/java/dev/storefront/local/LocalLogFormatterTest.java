package dev.storefront.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LocalLogFormatterTest {

    private static final Instant AT = Instant.parse("2026-12-07T12:03:05.001Z");

    private final LocalLogFormatter formatter = new LocalLogFormatter(Clock.fixed(AT, ZoneOffset.UTC));

    private static LogRecord record(Level level, String logger, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setInstant(AT);
        record.setLoggerName(logger);
        record.setParameters(parameters);
        return record;
    }

    @Test
    void format_shouldBeOneLine_withTimeSourceAndMessage() {
        String line = formatter.format(record(Level.INFO, "dev.storefront.localcloud.MotoServer",
                "moto: SLOW DynamoDB_20120810.BatchWriteItem wait 0.0 serve 0.627"));

        assertThat(line).isEqualTo("12:03:05.001 local MotoServer: moto: SLOW DynamoDB_20120810.BatchWriteItem"
                + " wait 0.0 serve 0.627" + System.lineSeparator());
    }

    @Test
    void format_shouldNameTheLevel_andFillInTheParameters() {
        String line = formatter.format(record(Level.WARNING, "dev.storefront.local.StreamPoller",
                "{0}: stream batch failed: {1}", "SearchIndexerFunction", "timed out"));

        assertThat(line).isEqualTo("12:03:05.001 local WARN StreamPoller: SearchIndexerFunction: stream batch failed:"
                + " timed out" + System.lineSeparator());
    }

    @Test
    void format_shouldNameTheErrorClassAndOrigin_notItsMessage() {
        IllegalStateException error = new IllegalStateException("body {\"password\":\"hunter2\"}",
                new java.io.IOException("token eyJhbGciOi"));
        error.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 233),
                new StackTraceElement("dev.storefront.local.LocalGateway", "respond", "LocalGateway.java", 141),
        });
        LogRecord record = record(Level.SEVERE, "dev.storefront.local.LocalGateway", "POST /auth/login -> accounts");
        record.setThrown(error);

        String line = formatter.format(record);

        assertThat(line).isEqualTo("12:03:05.001 local ERROR LocalGateway: POST /auth/login -> accounts"
                + " [IllegalStateException at LocalGateway.respond:141, caused by IOException]" + System.lineSeparator());
        assertThat(line).doesNotContain("hunter2", "eyJ");
    }

    @Test
    void format_shouldEscapeLineBreaks_inTheMessage() {
        String line = formatter.format(record(Level.INFO, "x.Y", "one\ntwo\u001b[0m"));

        assertThat(line).isEqualTo("12:03:05.001 local Y: one\\ntwo\\u001b[0m" + System.lineSeparator());
    }

    @Test
    void logFormat_shouldBeText_unlessJsonIsAskedFor() {
        java.nio.file.Path template = java.nio.file.Path.of("template.yaml");

        assertThat(LocalOptions.fromEnvironment(java.util.Map.of(), template).build().jsonLogs()).isFalse();
        assertThat(LocalOptions.fromEnvironment(java.util.Map.of(LocalOptions.LOG_FORMAT, "JSON"), template).build()
                .jsonLogs()).isTrue();
        assertThat(LocalOptions.fromEnvironment(java.util.Map.of(LocalOptions.LOG_FORMAT, "text"), template).build()
                .jsonLogs()).isFalse();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalOptions.fromEnvironment(java.util.Map.of(LocalOptions.LOG_FORMAT, "yaml"),
                        template))
                .withMessageContaining(LocalOptions.LOG_FORMAT);
    }
}
