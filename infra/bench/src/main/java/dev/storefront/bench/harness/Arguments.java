package dev.storefront.bench.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The parsed command line of a bench: typed values by option name, and the command that reproduces them. */
public final class Arguments {

    private final CommandLine commandLine;
    private final Map<String, Object> values;
    private final Path repo;
    private final boolean help;

    Arguments(CommandLine commandLine, Map<String, Object> values, Path repo, boolean help) {
        this.commandLine = commandLine;
        this.values = values;
        this.repo = repo;
        this.help = help;
    }

    /** {@code --help} was given: print the usage instead of running. */
    public boolean help() {
        return help;
    }

    public long number(String name) {
        return (long) values.get(commandLine.option(name, CommandLine.Kind.NUMBER).name());
    }

    /** A number option that must fit an {@code int}. */
    public int integer(String name) {
        long value = number(name);
        if (value != (int) value) {
            throw new CommandLine.UsageException(name + " is too large: " + value);
        }
        return (int) value;
    }

    /** A text option's value, or null when it has neither a value nor a default. */
    public String text(String name) {
        return (String) values.get(commandLine.option(name, CommandLine.Kind.TEXT).name());
    }

    /** Every value of a repeated option, in order; empty when not given. */
    public List<String> all(String name) {
        return List.copyOf(CommandLine.listOf(values.get(commandLine.option(name, CommandLine.Kind.REPEATED).name())));
    }

    public boolean flag(String name) {
        return (boolean) values.get(commandLine.option(name, CommandLine.Kind.FLAG).name());
    }

    /** {@code --repo}, or else the nearest directory up from here with template.yaml and events/. */
    public Path repo() {
        return repo != null ? repo.toAbsolutePath().normalize() : CommandLine.findRepo();
    }

    /** Throws a {@link CommandLine.UsageException} with {@code message} unless {@code condition} holds. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.UsageException(message);
        }
    }

    /**
     * The command that reproduces the run: the bench's command, then every number option with its value, in
     * declaration order (text options, repeated options and flags are the bench's to show, if they matter).
     */
    public String command() {
        List<String> words = new ArrayList<>(List.of(commandLine.command()));
        for (CommandLine.Option option : commandLine.options().values()) {
            if (option.kind() == CommandLine.Kind.NUMBER) {
                words.add(option.name());
                words.add(String.valueOf(values.get(option.name())));
            }
        }
        return String.join(" ", words);
    }
}
