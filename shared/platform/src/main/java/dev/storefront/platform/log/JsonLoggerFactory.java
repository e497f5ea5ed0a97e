package dev.storefront.platform.log;

import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.MDCAdapter;

/** Creates {@link JsonLogger}s. Application loggers use {@code STOREFRONT_LOG_LEVEL}; libraries log WARN and above. */
final class JsonLoggerFactory implements ILoggerFactory {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final MDCAdapter mdc;
    private final Level applicationLevel;
    private final PrintStream out;

    JsonLoggerFactory(MDCAdapter mdc) {
        this.mdc = mdc;
        this.applicationLevel = parse(LambdaEnvironment.variables().getOrDefault(EnvVars.LOG_LEVEL, "INFO"));
        this.out = System.out;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new JsonLogger(n, thresholdFor(n), mdc, out));
    }

    private Level thresholdFor(String name) {
        if (name.startsWith("dev.storefront")) {
            return applicationLevel;
        }
        return applicationLevel.toInt() < Level.INFO.toInt() ? applicationLevel : Level.WARN;
    }

    private static Level parse(String value) {
        try {
            return Level.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
