package dev.storefront.bench.probe;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Main class of one cold-start measurement, run in a fresh JVM whose class path is the function's deployment
 * package: loads the handler by name, instantiates it with its no-arg constructor (the function's init, as
 * Lambda does it), feeds it one event and prints
 *
 * <pre>
 * RESPONSE &lt;statusCode&gt;
 * RESULT &lt;statusCode&gt; &lt;loadedClasses&gt; &lt;jvmStartEpochMs&gt; &lt;mainEpochMs&gt; &lt;initDoneEpochMs&gt; &lt;responseEpochMs&gt; &lt;cpuNanos&gt; &lt;primeNanos&gt; &lt;invokeNanos&gt;
 * </pre>
 *
 * <p>With {@code prime} as fourth argument, the handler's SnapStart hooks run after its construction, as Lambda
 * runs them through {@code org.crac}: {@code beforeCheckpoint} (priming), then {@code afterRestore}; called by
 * reflection on the function's own {@code org.crac.Resource} (CRaC cannot checkpoint this JVM). Init then ends
 * after them, and the first request is what a restored environment's first request costs, minus the restore.
 *
 * <p>{@code cpuNanos} is the process's CPU time (all threads, JIT and GC included) read after the response; it
 * includes the management API's own start-up, the same in every variant. On a busy machine it varies much less
 * than wall time.
 *
 * <p>The parent stops its clock at the {@code RESPONSE} line, so that the management API, which loads a few
 * hundred classes of its own, is only touched afterwards. It depends on aws-lambda-java-core alone, and has no
 * static state or nested classes: {@code ProbeClasses} copies exactly these class files to the child's class path.
 *
 * <p>Arguments: {@code <handler class> <event file> [<response file> [prime]]}.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainEpochMs = System.currentTimeMillis();
        if (args.length < 2) {
            System.err.println("usage: ColdStartProbe <handler class> <event file> [<response file>]");
            System.exit(2);
        }
        byte[] event = Files.readAllBytes(Path.of(args[1]));

        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0])
                .getDeclaredConstructor().newInstance();
        long primeNanos = 0;
        if (args.length > 3 && "prime".equals(args[3])) {
            long primeStarted = System.nanoTime();
            ClassLoader loader = handler.getClass().getClassLoader();
            Class<?> resource = Class.forName("org.crac.Resource", true, loader);
            Class<?> context = Class.forName("org.crac.Context", true, loader);
            if (!resource.isInstance(handler)) {
                System.err.println(args[0] + " is not an org.crac.Resource: nothing to prime");
                System.exit(3);
            }
            resource.getMethod("beforeCheckpoint", context).invoke(handler, (Object) null);
            resource.getMethod("afterRestore", context).invoke(handler, (Object) null);
            primeNanos = System.nanoTime() - primeStarted;
        }
        long initDoneEpochMs = System.currentTimeMillis();

        ByteArrayOutputStream response = new ByteArrayOutputStream();
        long invokeStarted = System.nanoTime();
        try (InputStream input = new java.io.ByteArrayInputStream(event)) {
            handler.handleRequest(input, response, new ProbeContext(System.getenv("AWS_LAMBDA_FUNCTION_NAME")));
        }
        long invokeNanos = System.nanoTime() - invokeStarted;
        long responseEpochMs = System.currentTimeMillis();
        String json = response.toString(StandardCharsets.UTF_8);
        int status = statusCode(json);
        PrintStream out = System.out;
        out.println("RESPONSE " + status);
        out.flush();

        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long jvmStartEpochMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpuNanos = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        out.println("RESULT " + status + " " + classes + " " + jvmStartEpochMs + " " + mainEpochMs + " "
                + initDoneEpochMs + " " + responseEpochMs + " " + cpuNanos + " " + primeNanos + " " + invokeNanos);
        out.flush();
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), json, StandardCharsets.UTF_8);
        }
        // Frameworks may leave non-daemon threads (Jedis pool evictors, Micronaut executors): do not wait for them.
        System.exit(0);
    }

    static int statusCode(String responseJson) {
        Matcher matcher = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)").matcher(responseJson);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
