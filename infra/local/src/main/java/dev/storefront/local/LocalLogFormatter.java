package dev.storefront.local;

import java.time.Clock;
import java.time.LocalTime;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The local runner's own log lines (gateway, stream pollers, schedules, moto, Redis), which go through
 * {@link System.Logger} to {@code java.util.logging}, as one line each in the functions' readable format:
 * {@code 12:03:04.123 local WARN StreamPoller: SearchIndexerFunction: stream batch failed [IllegalStateException at
 * CatalogChangeHandler.handle:88]}. As in the functions' lines, an exception shows its class and origin, not its
 * message.
 */
final class LocalLogFormatter extends Formatter {

    private static final String LABEL = "local";
    private static final String STOREFRONT_CODE = "dev.storefront.";

    private final Clock clock;

    LocalLogFormatter(Clock clock) {
        this.clock = clock;
    }

    /** Formats the console handlers of the root logger (the JDK's default configuration has one, on stderr). */
    static void install() {
        Logger root = Logger.getLogger("");
        LocalLogFormatter formatter = new LocalLogFormatter(Clock.systemDefaultZone());
        boolean console = false;
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                handler.setFormatter(formatter);
                console = true;
            }
        }
        if (!console) {
            ConsoleHandler handler = new ConsoleHandler();
            handler.setFormatter(formatter);
            root.addHandler(handler);
        }
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(128);
        LocalTime time = LocalTime.ofInstant(record.getInstant(), clock.getZone());
        line.append(String.format("%02d:%02d:%02d.%03d", time.getHour(), time.getMinute(), time.getSecond(),
                time.getNano() / 1_000_000));
        line.append(' ').append(LABEL).append(' ');
        String level = level(record.getLevel());
        if (!level.isEmpty()) {
            line.append(level).append(' ');
        }
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        line.append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ");
        escape(line, formatMessage(record));
        Throwable error = record.getThrown();
        if (error != null) {
            line.append(" [").append(error.getClass().getSimpleName());
            StackTraceElement origin = origin(error);
            if (origin != null) {
                String type = origin.getClassName();
                line.append(" at ").append(type.substring(type.lastIndexOf('.') + 1)).append('.')
                        .append(origin.getMethodName());
                if (origin.getLineNumber() >= 0) {
                    line.append(':').append(origin.getLineNumber());
                }
            }
            Throwable root = error;
            for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 10; depth++) {
                root = root.getCause();
            }
            if (root != error) {
                line.append(", caused by ").append(root.getClass().getSimpleName());
            }
            line.append(']');
        }
        return line.append(System.lineSeparator()).toString();
    }

    private static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        return value >= Level.INFO.intValue() ? "" : "DEBUG";
    }

    private static StackTraceElement origin(Throwable error) {
        StackTraceElement[] frames = error.getStackTrace();
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith(STOREFRONT_CODE)) {
                return frame;
            }
        }
        return frames.length == 0 ? null : frames[0];
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
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
