package dev.storefront.platform.log;

import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.MDCAdapter;

/**
 * Creates {@link LineLogger}s writing to standard output in the function's {@link LogFormat}. Application loggers
 * use {@code STOREFRONT_LOG_LEVEL}; libraries log WARN and above.
 */
final class LineLoggerFactory implements ILoggerFactory {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final MDCAdapter mdc;
    private final Level applicationLevel;
    private final LineFormat format;
    private final PrintStream out;

    LineLoggerFactory(MDCAdapter mdc) {
        this(mdc, LambdaEnvironment.variables(), System.out);
    }

    LineLoggerFactory(MDCAdapter mdc, Map<String, String> variables, PrintStream out) {
        this.mdc = mdc;
        this.applicationLevel = parse(variables.getOrDefault(EnvVars.LOG_LEVEL, "INFO"));
        this.format = switch (LogFormat.of(variables)) {
            case JSON -> new JsonLineFormat();
            case TEXT -> new TextLineFormat(label(variables), Clock.systemDefaultZone());
        };
        this.out = out;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new LineLogger(n, thresholdFor(n), mdc, format, out));
    }

    private Level thresholdFor(String name) {
        if (name.startsWith("dev.storefront")) {
            return applicationLevel;
        }
        return applicationLevel.toInt() < Level.INFO.toInt() ? applicationLevel : Level.WARN;
    }

    private static String label(Map<String, String> variables) {
        String label = variables.get(LogFormat.LABEL_VARIABLE);
        if (label == null || label.isBlank()) {
            label = variables.getOrDefault(EnvVars.FUNCTION_NAME, "local");
        }
        return label.strip();
    }

    private static Level parse(String value) {
        try {
            return Level.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
