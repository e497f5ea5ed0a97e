package dev.storefront.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options a bench takes, declared once: parsing ({@link #parse}), the usage text ({@link #usage}) and the
 * command line that reproduces a run ({@link Arguments#command}) all come from the declaration.
 *
 * <pre>{@code
 * CommandLine cli = CommandLine.of("./storefront bench checkout")
 *         .number("--orders", 2000, 1, "orders per scenario")
 *         .flag("--keep", "keep the work directory");
 * Arguments args = cli.parse("--orders", "500");   // args.integer("--orders") == 500
 * }</pre>
 *
 * Every bench also takes {@code --repo DIR} (default: the nearest directory up from here with template.yaml and
 * events/) and {@code --help}.
 */
public final class CommandLine {

    enum Kind { NUMBER, TEXT, REPEATED, FLAG }

    record Option(String name, Kind kind, String metavar, Object defaultValue, long min, String help) {
    }

    /** Wrong arguments: the message names the option and what was wrong with it; the usage follows it. */
    public static final class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }

    static final String REPO = "--repo";

    private final String command;
    private final Map<String, Option> options = new LinkedHashMap<>();

    private CommandLine(String command) {
        this.command = command;
    }

    /** @param command how the bench is run, e.g. {@code ./storefront bench catalog} */
    public static CommandLine of(String command) {
        return new CommandLine(command);
    }

    public String command() {
        return command;
    }

    /** A whole number, at least {@code min}; shown in the reproducing command. */
    public CommandLine number(String name, long defaultValue, long min, String help) {
        return add(new Option(name, Kind.NUMBER, "N", defaultValue, min, help));
    }

    /** A whole number with no lower bound (e.g. a seed); shown in the reproducing command. */
    public CommandLine number(String name, long defaultValue, String help) {
        return number(name, defaultValue, Long.MIN_VALUE, help);
    }

    /** A value taken as it is; {@code defaultValue} may be null (no value). Not shown in the command. */
    public CommandLine text(String name, String metavar, String defaultValue, String help) {
        return add(new Option(name, Kind.TEXT, metavar, defaultValue, 0, help));
    }

    /** An option that may be given several times; its values in order. Not shown in the command. */
    public CommandLine repeated(String name, String metavar, String help) {
        return add(new Option(name, Kind.REPEATED, metavar, null, 0, help));
    }

    /** An option without a value. Not shown in the command. */
    public CommandLine flag(String name, String help) {
        return add(new Option(name, Kind.FLAG, null, false, 0, help));
    }

    private CommandLine add(Option option) {
        if (!option.name().startsWith("--") || options.containsKey(option.name()) || option.name().equals(REPO)
                || option.name().equals("--help")) {
            throw new IllegalArgumentException("option declared twice or badly named: " + option.name());
        }
        options.put(option.name(), option);
        return this;
    }

    /**
     * Parses {@code --name value}, {@code --name=value} and flags; a later value of an option replaces an earlier
     * one (a repeated option collects them).
     *
     * @throws UsageException for an unknown option, a missing value, a value that is not a whole number or is
     *     below the option's minimum
     */
    public Arguments parse(String... args) {
        Map<String, Object> values = new LinkedHashMap<>();
        options.values().forEach(o -> values.put(o.name(), o.kind() == Kind.REPEATED ? new ArrayList<String>()
                : o.defaultValue()));
        Path repo = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
            }
            if (name.equals(REPO)) {
                repo = Path.of(inline != null ? inline : value(args, ++i, name));
                continue;
            }
            Option option = options.get(name);
            if (option == null) {
                throw new UsageException((arg.startsWith("-") ? "unknown option " : "unexpected argument ") + arg);
            }
            if (option.kind() == Kind.FLAG) {
                if (inline != null) {
                    throw new UsageException(name + " takes no value");
                }
                values.put(name, true);
                continue;
            }
            String value = inline != null ? inline : value(args, ++i, name);
            switch (option.kind()) {
                case NUMBER -> values.put(name, number(option, value));
                case REPEATED -> listOf(values.get(name)).add(value);
                default -> values.put(name, value);
            }
        }
        return new Arguments(this, values, repo, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(Option option, String value) {
        long number;
        try {
            number = Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(option.name() + " takes a whole number, not '" + value + "'");
        }
        if (number < option.min()) {
            throw new UsageException(option.name() + " must be at least " + option.min() + ", not " + number);
        }
        return number;
    }

    @SuppressWarnings("unchecked")
    static List<String> listOf(Object value) {
        return (List<String>) value;
    }

    Map<String, Option> options() {
        return options;
    }

    Option option(String name, Kind kind) {
        Option option = options.get(name);
        if (option == null || option.kind() != kind) {
            throw new IllegalArgumentException("no " + kind.name().toLowerCase(Locale.ROOT) + " option " + name);
        }
        return option;
    }

    /** The usage: a synopsis, then one line per option with its default. */
    public String usage() {
        StringBuilder synopsis = new StringBuilder("usage: ").append(command);
        List<String[]> lines = new ArrayList<>();
        for (Option o : options.values()) {
            String form = o.metavar() == null ? o.name() : o.name() + " " + o.metavar();
            synopsis.append(" [").append(form).append(']').append(o.kind() == Kind.REPEATED ? "..." : "");
            String def = switch (o.kind()) {
                case NUMBER -> " (default " + o.defaultValue() + ")";
                case TEXT -> o.defaultValue() == null ? "" : " (default " + o.defaultValue() + ")";
                default -> "";
            };
            lines.add(new String[] {form, o.help() + def});
        }
        synopsis.append(" [--repo DIR] [--help]");
        lines.add(new String[] {"--repo DIR", "repository root (default: the nearest directory up from here with"
                + " template.yaml)"});
        lines.add(new String[] {"--help", "this text"});
        int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0) + 2;
        StringBuilder out = new StringBuilder(synopsis).append('\n');
        for (String[] line : lines) {
            String indent = " ".repeat(width + 2);
            out.append("  ").append(String.format(Locale.ROOT, "%-" + width + "s", line[0]))
                    .append(line[1].replace("\n", "\n" + indent)).append('\n');
        }
        return out.toString();
    }

    /** The nearest directory up from the working directory that holds template.yaml and events/. */
    public static Path findRepo() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("events"))) {
                return dir;
            }
        }
        throw new UsageException("no template.yaml above " + Path.of("").toAbsolutePath() + ": use --repo");
    }
}
