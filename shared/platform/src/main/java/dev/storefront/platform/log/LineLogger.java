package dev.storefront.platform.log;

import java.io.PrintStream;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;

/** One line per event, in the {@link LineFormat} of the function: the event, its MDC fields and the error, if any. */
final class LineLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private final transient Level threshold;
    private final transient MDCAdapter mdc;
    private final transient LineFormat format;
    private final transient PrintStream out;

    LineLogger(String name, Level threshold, MDCAdapter mdc, LineFormat format, PrintStream out) {
        this.name = name;
        this.threshold = threshold;
        this.mdc = mdc;
        this.format = format;
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
        String line = format.line(level, name, MessageFormatter.basicArrayFormat(pattern, arguments),
                mdc.getCopyOfContextMap(), throwable);
        synchronized (out) {
            out.println(line);
        }
    }
}
