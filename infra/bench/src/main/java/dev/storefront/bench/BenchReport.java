package dev.storefront.bench;

import java.util.ArrayList;
import dev.storefront.bench.harness.Stats;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The benchmark's result: one {@link Row} per variant and JVM mode, as a plain-text table and as Markdown.
 *
 * @param rows        variants in order, per mode
 * @param command     the command that reproduces it
 * @param environment machine and JVM
 * @param notes       derived findings, e.g. what SnapStart priming buys the first request
 */
public record BenchReport(List<Row> rows, String command, String environment, List<String> notes) {

    static String key(String variant, JvmMode mode) {
        return variant + "@" + mode.name();
    }

    static BenchReport of(BenchOptions options, List<Variant> variants, Map<String, List<Measurement>> results,
            String environment) {
        List<Row> rows = new ArrayList<>();
        for (JvmMode mode : options.modes()) {
            Stats bare = Stats.of(results.get(key("bare", mode)).stream().map(Measurement::wallMillis).toList());
            for (Variant variant : variants) {
                List<Measurement> ms = results.get(key(variant.name(), mode));
                Stats wall = Stats.of(ms.stream().map(Measurement::wallMillis).toList());
                rows.add(new Row(variant.name(), variant.description(), mode, wall,
                        median(ms, Measurement::loadedClasses), median(ms, Measurement::jvmToMainMillis),
                        median(ms, Measurement::initMillis), median(ms, Measurement::invokeMillis),
                        Stats.of(ms.stream().map(Measurement::cpuMillis).toList()).median(), ms.get(0).status(),
                        wall.median() / bare.median(), wall.min() / bare.min()));
            }
        }
        String command = "./storefront bench coldstart " + options.arguments()
                + "\n  or: mvn -B -q -pl infra/bench -am package -DskipTests && java -cp "
                + "'infra/bench/target/storefront-bench/lib/*' dev.storefront.bench.ColdStartBench " + options.arguments();
        List<String> notes = new ArrayList<>(primingNotes(options, results));
        notes.addAll(floorNotes(options, results));
        return new BenchReport(List.copyOf(rows), command, environment, List.copyOf(notes));
    }

    /** Per mode, when both login variants ran: the first request with and without priming (monotonic clock). */
    static List<String> primingNotes(BenchOptions options, Map<String, List<Measurement>> results) {
        List<String> notes = new ArrayList<>();
        for (JvmMode mode : options.modes()) {
            List<Measurement> plain = results.get(key("login", mode));
            List<Measurement> primed = results.get(key("login-primed", mode));
            if (plain == null || primed == null) {
                continue;
            }
            Stats without = Stats.of(plain.stream().map(Measurement::firstInvokeMillis).toList());
            Stats with = Stats.of(primed.stream().map(Measurement::firstInvokeMillis).toList());
            Stats priming = Stats.of(primed.stream().map(Measurement::primeMillis).toList());
            notes.add(String.format(Locale.ROOT, "SnapStart priming [%s]: first login request p50 %.1f ms (p90 %.1f) "
                    + "after priming in init vs %.1f ms (p90 %.1f) without: %.1fx faster; the hooks took p50 %.0f ms "
                    + "of init (priming before the checkpoint, re-opening after the restore), %d runs each",
                    mode.label(), with.median(), with.p90(), without.median(), without.p90(),
                    without.median() / with.median(), priming.median(), with.count()));
        }
        return List.copyOf(notes);
    }

    /**
     * Per mode, when the floor ran: how far the floor is from the bare handler and the login from the floor, and -
     * from the variants without a part - what each part of the floor costs (median of the floor minus median
     * without it).
     */
    static List<String> floorNotes(BenchOptions options, Map<String, List<Measurement>> results) {
        List<String> notes = new ArrayList<>();
        for (JvmMode mode : options.modes()) {
            List<Measurement> floor = results.get(key("floor", mode));
            List<Measurement> bare = results.get(key("bare", mode));
            if (floor == null || bare == null) {
                continue;
            }
            double floorMedian = wallMedian(floor);
            StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
                    "floor [%s]: %.0f ms median = %.1fx bare (target <= %.0fx)", mode.label(), floorMedian,
                    floorMedian / wallMedian(bare), ColdStartBench.TARGET_RATIO));
            List<Measurement> login = results.get(key("login", mode));
            if (login != null) {
                note.append(String.format(Locale.ROOT, "; login = %.2fx the floor (+%.0f ms)",
                        wallMedian(login) / floorMedian, wallMedian(login) - floorMedian));
            }
            List<String> parts = new ArrayList<>();
            for (String part : List.of("argon2", "redis", "dynamodb")) {
                List<Measurement> without = results.get(key("floor-no-" + part, mode));
                if (without != null) {
                    parts.add(String.format(Locale.ROOT, "%s %.0f ms", part, floorMedian - wallMedian(without)));
                }
            }
            if (!parts.isEmpty()) {
                note.append("; of the floor (floor minus floor without the part): ").append(String.join(", ", parts));
            }
            notes.add(note.toString());
        }
        return List.copyOf(notes);
    }

    private static double wallMedian(List<Measurement> ms) {
        return Stats.of(ms.stream().map(Measurement::wallMillis).toList()).median();
    }

    private static double median(List<Measurement> ms, ToLongFunction<Measurement> value) {
        return Stats.of(ms.stream().map(m -> value.applyAsLong(m)).toList()).median();
    }

    /** The row of a variant in a mode. */
    public Row row(String variant, String mode) {
        return rows.stream().filter(r -> r.variant().equals(variant) && r.mode().name().equals(mode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + variant + " " + mode));
    }

    public String text() {
        StringBuilder out = new StringBuilder("Cold start: fresh JVM to first response (moto over HTTP on loopback, real Redis)\n");
        out.append(environment).append('\n');
        JvmMode current = null;
        for (Row row : rows) {
            if (!row.mode().equals(current)) {
                current = row.mode();
                out.append(String.format(Locale.ROOT, "%nJVM flags: %s (%d runs each)%n", current.label(), row.wall().count()));
                out.append(String.format(Locale.ROOT, "%-7s %9s %9s %9s %8s %8s %8s %7s %7s %7s %7s %6s%n", "variant",
                        "median ms", "min ms", "p90 ms", "x median", "x min", "classes", "main", "init", "invoke", "cpu",
                        "status"));
            }
            out.append(String.format(Locale.ROOT, "%-7s %9.0f %9.0f %9.0f %7.1fx %7.1fx %8.0f %7.0f %7.0f %7.0f %7.0f %6d%n",
                    row.variant(), row.wall().median(), row.wall().min(), row.wall().p90(), row.medianRatio(),
                    row.minRatio(), row.classes(), row.jvmToMain(), row.init(), row.invoke(), row.cpu(), row.status()));
        }
        out.append('\n').append(verdict()).append('\n');
        notes.forEach(note -> out.append(note).append('\n'));
        out.append("x median / x min: ratio to the bare handler's median / minimum in the same JVM flags; main, init, "
                + "invoke: medians (ms) of JVM start to main, handler constructor, first handleRequest; cpu: median CPU time (ms) of "
                + "the child, all threads.\n");
        out.append("Reproduce: ").append(command);
        return out.toString();
    }

    /** The login target of issue #2 against the first mode (the JVM defaults unless --mode says otherwise). */
    public String verdict() {
        JvmMode first = rows.get(0).mode();
        return rows.stream().filter(r -> r.variant().equals("login") && r.mode().equals(first)).findFirst()
                .map(r -> String.format(Locale.ROOT, "login vs bare [%s]: %.1fx median (target <= %.0fx: %s; stretch <= %.0fx: %s)",
                        first.label(), r.medianRatio(), ColdStartBench.TARGET_RATIO,
                        r.medianRatio() <= ColdStartBench.TARGET_RATIO ? "met" : "MISSED", ColdStartBench.STRETCH_RATIO,
                        r.medianRatio() <= ColdStartBench.STRETCH_RATIO ? "met" : "missed"))
                .orElse("login not measured");
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| variant | JVM flags | runs | median ms | min ms | p90 ms | median / bare | min / bare "
                + "| loaded classes | JVM→main ms | init ms | first invoke ms | CPU ms | status |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.0f | %.0f | %.1f× | %.1f× | %,.0f | %.0f | %.0f | %.0f | %.0f | %d |%n",
                    row.description(), row.mode().flags().isEmpty() ? "defaults" : "`" + row.mode().label() + "`",
                    row.wall().count(), row.wall().median(), row.wall().min(), row.wall().p90(), row.medianRatio(),
                    row.minRatio(), row.classes(), row.jvmToMain(), row.init(), row.invoke(), row.cpu(), row.status()));
        }
        out.append("\n").append(verdict()).append("\n");
        notes.forEach(note -> out.append("\n").append(note).append("\n"));
        out.append("\nMachine: ").append(environment).append("\n\nCommand: `")
                .append(command.lines().findFirst().orElse(command)).append("`\n");
        return out.toString();
    }
}
