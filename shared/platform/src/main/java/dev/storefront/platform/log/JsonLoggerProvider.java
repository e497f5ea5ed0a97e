package dev.storefront.platform.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J backend that writes one line per event to standard output: in Lambda one JSON object, which Lambda ships
 * to CloudWatch Logs as a structured entry; locally, if the function's environment selects {@link LogFormat#TEXT},
 * one readable line. It is a few classes instead of a logging framework so that cold starts stay short; the MDC
 * carries the request id, function name and cold-start flag. (Named for its first format: the name is the
 * provider's entry in {@code META-INF/services}.)
 */
public final class JsonLoggerProvider implements SLF4JServiceProvider {

    private ILoggerFactory loggerFactory;
    private IMarkerFactory markerFactory;
    private MDCAdapter mdcAdapter;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        mdcAdapter = new BasicMDCAdapter();
        markerFactory = new BasicMarkerFactory();
        loggerFactory = new LineLoggerFactory(mdcAdapter);
    }
}
