package dev.storefront.platform.log;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * {@link LogFormat#TEXT}: {@code 12:03:04.123 accounts POST /auth/login -> 200 in 41 ms req=Jx7qWhJxoAMEbXw=}.
 *
 * <p>Local time to the millisecond, the function's label, then for anything but INFO the level and the logger's
 * class, the message, the error (its class and the frame it was thrown from, preferably in storefront code, and its
 * root cause's class), {@code cold} for a cold start (and {@code priming} for SnapStart's priming requests), and
 * the request id last; the other MDC fields (the function's name, Lambda's request id beside the API's, the trace
 * id) are left to the JSON lines. The error's message is left out: exception messages echo input (a rejected body, an email address, a
 * token), and the JSON lines keep it for production. Control characters are escaped, so an event is one line
 * whatever its message holds.
 */
final class TextLineFormat implements LineFormat {

    private static final String STOREFRONT_CODE = "dev.storefront.";
    private static final String REQUEST_ID = "requestId";
    /** Lambda's own request id: the one to show when there is no API request id (events, schedules). */
    private static final String AWS_REQUEST_ID = "awsRequestId";
    private static final String COLD_START = "coldStart";
    private static final String PRIMING = "priming";

    private final String label;
    private final Clock clock;

    TextLineFormat(String label, Clock clock) {
        this.label = label;
        this.clock = clock;
    }

    @Override
    public String line(Level level, String logger, String message, Map<String, String> context, Throwable error) {
        StringBuilder line = new StringBuilder(128);
        time(line, LocalTime.now(clock));
        line.append(' ').append(label);
        if (level != Level.INFO) {
            line.append(' ').append(level.name()).append(' ').append(afterLastDot(logger)).append(':');
        }
        line.append(' ');
        escape(line, message);
        if (error != null) {
            error(line, error);
        }
        String requestId = null;
        if (context != null) {
            requestId = context.getOrDefault(REQUEST_ID, context.get(AWS_REQUEST_ID));
            if ("true".equals(context.get(COLD_START))) {
                line.append(" cold");
            }
            if ("true".equals(context.get(PRIMING))) {
                line.append(" priming");
            }
        }
        if (requestId != null) {
            line.append(" req=");
            escape(line, requestId);
        }
        return line.toString();
    }

    private static void time(StringBuilder line, LocalTime time) {
        twoDigits(line, time.getHour());
        line.append(':');
        twoDigits(line, time.getMinute());
        line.append(':');
        twoDigits(line, time.getSecond());
        line.append('.');
        int millis = time.getNano() / 1_000_000;
        if (millis < 100) {
            line.append('0');
        }
        twoDigits(line, millis);
    }

    private static void twoDigits(StringBuilder line, int value) {
        if (value < 10) {
            line.append('0');
        }
        line.append(value);
    }

    /** {@code [SdkClientException at DynamoDbUserRepository.find:57, caused by ConnectException]}. */
    private static void error(StringBuilder line, Throwable error) {
        line.append(" [").append(afterLastDot(error.getClass().getName()));
        StackTraceElement frame = origin(error.getStackTrace());
        if (frame != null) {
            line.append(" at ").append(afterLastDot(frame.getClassName())).append('.').append(frame.getMethodName());
            if (frame.getLineNumber() >= 0) {
                line.append(':').append(frame.getLineNumber());
            }
        }
        Throwable root = error;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 10; depth++) {
            root = root.getCause();
        }
        if (root != error) {
            line.append(", caused by ").append(afterLastDot(root.getClass().getName()));
        }
        line.append(']');
    }

    /** The first frame in storefront code, else the first frame. */
    private static StackTraceElement origin(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith(STOREFRONT_CODE)) {
                return frame;
            }
        }
        return frames.length == 0 ? null : frames[0];
    }

    private static String afterLastDot(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static void escape(StringBuilder out, String text) {
        if (text == null) {
            out.append("null");
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // C0 and C1 controls (terminal escape sequences among them) and the Unicode line separators.
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
