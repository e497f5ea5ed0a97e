package dev.storefront.bench;

import java.util.Arrays;
import java.util.List;

/**
 * A set of JVM flags every variant is measured with. {@code {variant}} in a flag is replaced by the variant's
 * name, so that per-variant files (e.g. a CDS archive) can be named.
 *
 * @param name  short name used in the tables
 * @param flags the flags (none: the JVM's defaults)
 */
public record JvmMode(String name, List<String> flags) {

    /** The JVM's defaults: no flags at all. */
    public static final JvmMode DEFAULT = new JvmMode("default", List.of());

    /** C1 only, as the Lambda Java runtimes start the JVM (JAVA_TOOL_OPTIONS of the managed runtime). */
    public static final JvmMode C1 = new JvmMode("c1", List.of("-XX:TieredStopAtLevel=1"));

    public JvmMode {
        flags = List.copyOf(flags);
    }

    /** {@code default}, {@code c1} or {@code NAME=FLAG[ FLAG...]}. */
    public static JvmMode parse(String spec) {
        if (spec.equals(DEFAULT.name)) {
            return DEFAULT;
        }
        if (spec.equals(C1.name)) {
            return C1;
        }
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("mode must be default, c1 or NAME=FLAGS: " + spec);
        }
        return new JvmMode(spec.substring(0, eq),
                Arrays.stream(spec.substring(eq + 1).trim().split("\\s+")).filter(f -> !f.isEmpty()).toList());
    }

    public List<String> flagsFor(String variant) {
        return flags.stream().map(f -> f.replace("{variant}", variant)).toList();
    }

    /** The flags as a label for tables. */
    public String label() {
        return flags.isEmpty() ? "defaults" : String.join(" ", flags);
    }
}
