package dev.storefront.platform.log;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;

/** One JSON line per event: time, level, logger, message, MDC fields and the error, if any. */
final class JsonLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;
    private static final int MAX_FRAMES = 30;

    private final transient Level threshold;
    private final transient MDCAdapter mdc;
    private final transient PrintStream out;

    JsonLogger(String name, Level threshold, MDCAdapter mdc, PrintStream out) {
        this.name = name;
        this.threshold = threshold;
        this.mdc = mdc;
        this.out = out;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"timestamp\":\"").append(Instant.now()).append('"');
        field(line, "level", level.name());
        field(line, "logger", name);
        field(line, "message", MessageFormatter.basicArrayFormat(pattern, arguments));
        Map<String, String> context = mdc.getCopyOfContextMap();
        if (context != null) {
            context.forEach((key, value) -> field(line, key, value));
        }
        if (throwable != null) {
            field(line, "errorType", throwable.getClass().getName());
            field(line, "errorMessage", String.valueOf(throwable.getMessage()));
            field(line, "stackTrace", stackOf(throwable));
        }
        line.append('}');
        synchronized (out) {
            out.println(line);
        }
    }

    private static String stackOf(Throwable throwable) {
        StringBuilder stack = new StringBuilder();
        Throwable current = throwable;
        int depth = 0;
        while (current != null && depth < 5) {
            if (depth > 0) {
                stack.append("Caused by: ").append(current.getClass().getName()).append('\n');
            }
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                stack.append("\tat ").append(frames[i]).append('\n');
            }
            current = current.getCause();
            depth++;
        }
        return stack.toString();
    }

    private static void field(StringBuilder line, String key, String value) {
        line.append(",\"");
        escape(line, key);
        line.append("\":\"");
        escape(line, value);
        line.append('"');
    }

    static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
