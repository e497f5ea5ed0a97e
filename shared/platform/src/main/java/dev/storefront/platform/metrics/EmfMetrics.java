package dev.storefront.platform.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.storefront.platform.log.LogFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BusinessMetrics} in CloudWatch's embedded metric format: each count is one JSON document on its own line
 * of standard output, the channel of the function's JSON logs, from which CloudWatch Logs extracts the metric -
 * no API call on the request path and no {@code cloudwatch:PutMetricData} permission. With the readable
 * {@link LogFormat#TEXT} logs of {@code ./storefront local} there is nothing to extract them, so a count is a DEBUG
 * log line instead ({@code STOREFRONT_LOG_LEVEL=DEBUG} shows it); {@code ./storefront local --json-logs} prints the
 * documents as in Lambda.
 *
 * <pre>{"_aws":{"Timestamp":1700000000000,"CloudWatchMetrics":[{"Namespace":"Storefront",
 *   "Dimensions":[["Service"]],"Metrics":[{"Name":"OrdersPlaced","Unit":"Count"}]}]},
 *   "Service":"storefront-checkout","OrdersPlaced":1}</pre>
 */
public final class EmfMetrics implements BusinessMetrics {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Logger LOG = LoggerFactory.getLogger(EmfMetrics.class);

    private final String service;
    private final Map<String, String> dimensions;
    private final PrintStream out;
    private final Clock clock;
    private final LogFormat format;

    public EmfMetrics(String service, PrintStream out, Clock clock) {
        this(service, Map.of(), out, clock);
    }

    /**
     * Metrics with dimensions beyond {@code Service}, e.g. {@code Version} for the release alarms; each document
     * then has the one dimension set {@code [Service, ...dimensions]} in this order.
     */
    public EmfMetrics(String service, Map<String, String> dimensions, PrintStream out, Clock clock) {
        this(service, dimensions, out, clock, LogFormat.configured());
    }

    EmfMetrics(String service, Map<String, String> dimensions, PrintStream out, Clock clock, LogFormat format) {
        this.service = service;
        this.dimensions = new LinkedHashMap<>(dimensions);
        this.out = out;
        this.clock = clock;
        this.format = format;
    }

    @Override
    public void count(String name, long value) {
        if (value == 0) {
            return;
        }
        if (format == LogFormat.TEXT) {
            LOG.debug("metric {} +{}{}", name, value, dimensions.isEmpty() ? "" : " " + dimensions);
            return;
        }
        out.println(document(name, value));
    }

    String document(String name, long value) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", clock.millis());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", NAMESPACE);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            json.writeString("Service");
            for (String dimension : dimensions.keySet()) {
                json.writeString(dimension);
            }
            json.writeEndArray();
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            json.writeStartObject();
            json.writeStringField("Name", name);
            json.writeStringField("Unit", "Count");
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField("Service", service);
            for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
                json.writeStringField(dimension.getKey(), dimension.getValue());
            }
            json.writeNumberField(name, value);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }
}
