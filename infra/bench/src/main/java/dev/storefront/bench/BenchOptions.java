package dev.storefront.bench;

import dev.storefront.bench.harness.Arguments;
import dev.storefront.bench.harness.CommandLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of {@link ColdStartBench}.
 *
 * @param runs     measured runs per variant and mode
 * @param warmups  discarded runs per variant and mode, before the measured ones
 * @param variants variant names, in table order ({@link #ALL_VARIANTS} by default)
 * @param modes    JVM flag sets; the first is the one the target applies to
 * @param repo     the repository root (holds template.yaml, events/ and the function zips)
 * @param keep     keep the temporary directory (env files, unpacked zips, events, responses)
 */
public record BenchOptions(int runs, int warmups, List<String> variants, List<JvmMode> modes, Path repo, boolean keep) {

    public static final List<String> ALL_VARIANTS = List.of("bare", "login", "login-primed", "signup", "jwks", "me",
            "floor", "floor-no-argon2", "floor-no-redis", "floor-no-dynamodb");

    /** The options and their usage text ({@code --help}). */
    public static final CommandLine COMMAND_LINE = CommandLine.of("./storefront bench coldstart")
            .number("--runs", 10, 1, "measured fresh JVMs per variant and mode")
            .number("--warmups", 1, 0, "discarded fresh JVMs per variant and mode first")
            .text("--variants", "LIST", null, """
                    which variants, comma-separated (default: all); bare is always measured, ratios need it:
                    %s
                    floor, floor-no-argon2, floor-no-redis, floor-no-dynamodb: the login's work without the
                    function's framework (FloorLoginHandler), whole and without a part""".formatted(
                    String.join(",", ALL_VARIANTS)))
            .repeated("--mode", "default|c1|NAME=FLAGS", """
                    JVM flags (default: --mode default --mode c1); NAME=FLAGS takes space-separated
                    flags, {variant} in a flag is replaced by the variant name""")
            .flag("--keep", "keep the work directory (env files, unpacked zip, events, responses)");

    public BenchOptions {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        if (warmups < 0) {
            throw new IllegalArgumentException("--warmups must not be negative");
        }
        for (String variant : variants) {
            if (!ALL_VARIANTS.contains(variant)) {
                throw new IllegalArgumentException("unknown variant " + variant + "; known: " + ALL_VARIANTS);
            }
        }
        List<String> ordered = new ArrayList<>(List.of("bare"));
        for (String variant : ALL_VARIANTS) {
            if (!variant.equals("bare") && variants.contains(variant)) {
                ordered.add(variant);
            }
        }
        variants = List.copyOf(ordered);
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("at least one --mode");
        }
        modes = List.copyOf(modes);
    }

    public static BenchOptions parse(String... args) {
        return of(COMMAND_LINE.parse(args));
    }

    static BenchOptions of(Arguments args) {
        List<String> variants = args.text("--variants") == null ? ALL_VARIANTS
                : Arrays.stream(args.text("--variants").split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        List<JvmMode> modes = args.all("--mode").stream().map(JvmMode::parse).toList();
        return new BenchOptions(args.integer("--runs"), args.integer("--warmups"), variants,
                modes.isEmpty() ? List.of(JvmMode.DEFAULT, JvmMode.C1) : modes, args.repo(), args.flag("--keep"));
    }

    /** The arguments that reproduce these options. */
    public String arguments() {
        List<String> args = new ArrayList<>(List.of("--runs", String.valueOf(runs)));
        if (warmups != 1) {
            args.addAll(List.of("--warmups", String.valueOf(warmups)));
        }
        if (!variants.equals(ALL_VARIANTS)) {
            args.addAll(List.of("--variants", String.join(",", variants)));
        }
        if (!modes.equals(List.of(JvmMode.DEFAULT, JvmMode.C1))) {
            for (JvmMode mode : modes) {
                args.add("--mode");
                args.add(mode.equals(JvmMode.DEFAULT) || mode.equals(JvmMode.C1) ? mode.name()
                        : "'" + mode.name() + "=" + String.join(" ", mode.flags()) + "'");
            }
        }
        return String.join(" ", args);
    }
}
