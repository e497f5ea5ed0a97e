package dev.storefront.bench.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The baseline: a stream handler that answers a constant, so its cold start is the JVM's and the probe's alone. */
public final class BareHandler implements RequestStreamHandler {

    private static final byte[] RESPONSE = "{\"statusCode\":200,\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(RESPONSE);
    }
}
