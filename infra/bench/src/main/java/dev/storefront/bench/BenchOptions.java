package dev.storefront.bench;

import java.nio.file.Files;
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

    static final String USAGE = """
            usage: ColdStartBench [--runs N] [--warmups N] [--variants bare,login,login-primed,signup,jwks,me,floor,...]
                                  [--mode default|c1|NAME=FLAGS]... [--repo DIR] [--keep]
              --runs N      measured fresh JVMs per variant and mode (default 10)
              --warmups N   discarded fresh JVMs per variant and mode first (default 1)
              --variants    which variants (default: all); bare is always measured, ratios need it;
                            floor, floor-no-argon2, floor-no-redis, floor-no-dynamodb: the login's work
                            without the function's framework (FloorLoginHandler), whole and without a part
              --mode        JVM flags; repeatable (default: --mode default --mode c1). NAME=FLAGS takes
                            space-separated flags, {variant} in a flag is replaced by the variant name
              --repo DIR    repository root (default: the nearest directory up from here with template.yaml)
              --keep        keep the work directory
            """;

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
        int runs = 10;
        int warmups = 1;
        List<String> variants = ALL_VARIANTS;
        List<JvmMode> modes = new ArrayList<>();
        Path repo = null;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--runs" -> runs = Integer.parseInt(value(args, ++i, arg));
                case "--warmups" -> warmups = Integer.parseInt(value(args, ++i, arg));
                case "--variants" -> variants = Arrays.stream(value(args, ++i, arg).split(","))
                        .map(String::trim).filter(v -> !v.isEmpty()).toList();
                case "--mode" -> modes.add(JvmMode.parse(value(args, ++i, arg)));
                case "--repo" -> repo = Path.of(value(args, ++i, arg));
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (modes.isEmpty()) {
            modes = List.of(JvmMode.DEFAULT, JvmMode.C1);
        }
        return new BenchOptions(runs, warmups, variants, modes, repo == null ? findRepo() : repo, keep);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    static Path findRepo() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("events"))) {
                return dir;
            }
        }
        throw new IllegalArgumentException("no template.yaml above " + Path.of("").toAbsolutePath() + ": use --repo");
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
