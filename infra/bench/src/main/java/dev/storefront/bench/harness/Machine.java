package dev.storefront.bench.harness;

import java.util.Locale;

/** What a result was measured on: printed with every report, since absolute figures only hold for it. */
public final class Machine {

    private Machine() {
    }

    /** Processors, the bench JVM's heap limit, the JVM and the OS. */
    public static String description() {
        return String.format(Locale.ROOT, "%d CPUs, %d MiB max heap of the bench JVM, %s %s (%s), %s %s",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.home"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
