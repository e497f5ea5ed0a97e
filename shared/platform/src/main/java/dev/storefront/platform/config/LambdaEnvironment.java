package dev.storefront.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The function's environment variables.
 *
 * <p>In AWS this is {@link System#getenv()}. The local gateway runs every function in one JVM, which
 * has a single process environment, so it gives each function's class loader a resource
 * {@value #LOCAL_RESOURCE} with that function's variables; they overlay the process environment.
 */
public final class LambdaEnvironment {

    /** Classpath resource supplied only by the local gateway. */
    public static final String LOCAL_RESOURCE = "storefront-lambda-env.properties";

    private LambdaEnvironment() {
    }

    /** The variables of the current function: process environment overlaid by the local resource. */
    public static Map<String, String> variables() {
        Map<String, String> merged = new HashMap<>(System.getenv());
        URL local = LambdaEnvironment.class.getClassLoader().getResource(LOCAL_RESOURCE);
        if (local != null) {
            Properties properties = new Properties();
            try (InputStream in = local.openStream()) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + LOCAL_RESOURCE, e);
            }
            properties.stringPropertyNames().forEach(name -> merged.put(name, properties.getProperty(name)));
        }
        return Map.copyOf(merged);
    }
}
