package dev.storefront.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of {@code ./storefront local}: starts the local stack from {@code template.yaml} in the working
 * directory and serves until Ctrl-C, when a shutdown hook stops everything (the Redis child process too).
 */
public final class LocalMain {

    private LocalMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // The runner's own libraries (the SDK, Jedis) only speak up when something is wrong.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        Path template = Path.of("template.yaml");
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--template")) {
                template = Path.of(args[i + 1]);
            }
        }
        LocalOptions.Builder options;
        try {
            options = LocalOptions.fromEnvironment(System.getenv(), template);
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> options.port(Integer.parseInt(value(args, ++i, "--port")));
                    case "--data-dir" -> options.dataDirectory(Path.of(value(args, ++i, "--data-dir")).toAbsolutePath());
                    case "--template" -> value(args, ++i, "--template");
                    case "--json-logs" -> options.jsonLogs(true);
                    case "-h", "--help" -> {
                        Banner.usage().forEach(System.out::println);
                        return;
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            Banner.usage().forEach(System.err::println);
            System.exit(2);
            return;
        }
        if (!Files.exists(template)) {
            System.err.println("No " + template.toAbsolutePath() + ": run from the repository root");
            System.exit(2);
        }

        LocalOptions settings = options.build();
        if (!settings.jsonLogs()) {
            readableRunnerLogs();
        }
        LocalStorefront stack;
        try {
            stack = LocalStorefront.start(settings);
        } catch (RuntimeException e) {
            System.err.println("Local stack failed to start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping...");
            stack.close();
            stopped.countDown();
        }, "storefront-local-shutdown"));
        System.out.println(Banner.render(stack));
        stopped.await();
    }

    /**
     * The runner's own lines in the functions' readable shape: one line each (the JDK's default takes two), and
     * slf4j-simple's (the SDK's and Jedis's warnings) with the time and without the thread.
     */
    private static void readableRunnerLogs() {
        LocalLogFormatter.install();
        System.setProperty("org.slf4j.simpleLogger.showDateTime",
                System.getProperty("org.slf4j.simpleLogger.showDateTime", "true"));
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat",
                System.getProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS"));
        System.setProperty("org.slf4j.simpleLogger.showThreadName",
                System.getProperty("org.slf4j.simpleLogger.showThreadName", "false"));
        System.setProperty("org.slf4j.simpleLogger.showShortLogName",
                System.getProperty("org.slf4j.simpleLogger.showShortLogName", "true"));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
