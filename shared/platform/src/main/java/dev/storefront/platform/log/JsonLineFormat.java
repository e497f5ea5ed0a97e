package dev.storefront.platform.log;

import java.time.Instant;
import java.util.Map;
import org.slf4j.event.Level;

/** {@link LogFormat#JSON}: one JSON object per line, the shape CloudWatch Logs Insights queries. */
final class JsonLineFormat implements LineFormat {

    private static final int MAX_FRAMES = 30;

    @Override
    public String line(Level level, String logger, String message, Map<String, String> context, Throwable error) {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"timestamp\":\"").append(Instant.now()).append('"');
        field(line, "level", level.name());
        field(line, "logger", logger);
        field(line, "message", message);
        if (context != null) {
            context.forEach((key, value) -> field(line, key, value));
        }
        if (error != null) {
            field(line, "errorType", error.getClass().getName());
            field(line, "errorMessage", String.valueOf(error.getMessage()));
            field(line, "stackTrace", stackOf(error));
        }
        line.append('}');
        return line.toString();
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
