package dev.storefront.bench.probe;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Main class of the search benchmark's child JVM, whose class path is the function's deployment package: the
 * function's init (the handler's no-arg constructor, which builds the index from the table), the first answer
 * (cold start), then warm rounds over a fixed mix of events, each invocation timed in-process (handler time).
 *
 * <p>Arguments: {@code <handler class> <events file: one JSON event per line> <warm-up rounds> <rounds>
 * <samples file>}. Prints {@code COLD <jvmStartEpochMs> <mainEpochMs> <initDoneEpochMs> <firstAnswerEpochMs>},
 * {@code HEAP <used bytes after GC>} and {@code DONE}; writes {@code <round> <event index> <nanos>} per measured
 * invocation to the samples file. Exits 1 when an invocation does not answer 200. JDK and
 * aws-lambda-java-core only (see {@code ProbeClasses}).
 */
public final class SearchProbe {

    private SearchProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainEpochMs = System.currentTimeMillis();
        List<byte[]> events = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                events.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        int warmups = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Path samples = Path.of(args[4]);
        PrintStream out = System.out;

        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0])
                .getDeclaredConstructor().newInstance();
        long initDoneEpochMs = System.currentTimeMillis();
        invoke(handler, events.get(0), 0);
        long firstAnswerEpochMs = System.currentTimeMillis();
        out.println("COLD " + ManagementFactory.getRuntimeMXBean().getStartTime() + " " + mainEpochMs + " "
                + initDoneEpochMs + " " + firstAnswerEpochMs);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        out.println("HEAP " + (runtime.totalMemory() - runtime.freeMemory()));
        out.flush();

        StringBuilder lines = new StringBuilder();
        for (int round = 0; round < warmups + rounds; round++) {
            // Rotate the starting event each round so that no event always follows the same one.
            for (int i = 0; i < events.size(); i++) {
                int index = (i + round) % events.size();
                long started = System.nanoTime();
                invoke(handler, events.get(index), index);
                long nanos = System.nanoTime() - started;
                if (round >= warmups) {
                    lines.append(round - warmups).append(' ').append(index).append(' ').append(nanos).append('\n');
                }
            }
        }
        Files.writeString(samples, lines, StandardCharsets.UTF_8);
        out.println("DONE");
        out.flush();
        System.exit(0);
    }

    private static void invoke(RequestStreamHandler handler, byte[] event, int index) throws Exception {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), response,
                new ProbeContext(System.getenv("AWS_LAMBDA_FUNCTION_NAME")));
        String json = response.toString(StandardCharsets.UTF_8);
        if (ColdStartProbe.statusCode(json) != 200) {
            System.out.println("FAILED event " + index + ": " + json);
            System.exit(1);
        }
    }
}
