package dev.storefront.bench.harness;

import java.io.PrintStream;
import java.util.function.Function;

/**
 * The {@code main} of every bench: parse the arguments into the bench's options, run it with progress on
 * stderr, print its report on stdout. Exit status 0 done (or {@code --help}), 1 the bench failed, 2 wrong
 * arguments (the message, then the usage, on stderr).
 */
public final class BenchMain {

    /** A bench: runs with its options, logs progress to {@code log}, returns the report's text. */
    @FunctionalInterface
    public interface Bench<O> {
        String run(O options, PrintStream log);
    }

    private BenchMain() {
    }

    /** Runs the bench and exits the JVM (the stack's client threads must not keep it alive). */
    public static <O> void main(String name, String[] args, CommandLine commandLine, Function<Arguments, O> options,
            Bench<O> bench) {
        System.exit(run(name, args, commandLine, options, bench, System.out, System.err));
    }

    /** As {@link #main}, returning the exit status instead of exiting. */
    public static <O> int run(String name, String[] args, CommandLine commandLine, Function<Arguments, O> options,
            Bench<O> bench, PrintStream out, PrintStream err) {
        O parsed;
        try {
            Arguments arguments = commandLine.parse(args);
            if (arguments.help()) {
                out.print(commandLine.usage());
                return 0;
            }
            parsed = options.apply(arguments);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(commandLine.usage());
            return 2;
        }
        try {
            out.println(bench.run(parsed, err));
            out.flush();
            return 0;
        } catch (RuntimeException | AssertionError e) {
            err.println(name + " benchmark FAILED: " + e.getMessage());
            e.printStackTrace(err);
            return 1;
        }
    }
}
