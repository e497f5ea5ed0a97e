package dev.storefront.bench.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * The printed result of a bench: a header (title, the exact command, the machine, further header lines), then
 * blocks separated by blank lines - tables, ratio tables against the run's baseline, findings, the checks that
 * held. Plain text whose tables are Markdown, so that it can be pasted into docs/benchmarks.md as it is.
 */
public final class Report {

    private final List<String> header = new ArrayList<>();
    private final List<String> blocks = new ArrayList<>();

    /** @param command the command that reproduces the run ({@link Arguments#command()}) */
    public Report(String title, String command) {
        this(title, command, Machine.description());
    }

    Report(String title, String command, String machine) {
        header.add(title);
        header.add("Command: " + command);
        header.add("Machine: " + machine);
    }

    /** A line of the header, after the machine. */
    public Report header(String line) {
        header.add(line);
        return this;
    }

    /** A block of text: a heading, a finding, a note. */
    public Report block(String text) {
        blocks.add(text.strip());
        return this;
    }

    public Report table(Table table) {
        return block(table.markdown());
    }

    public Report ratios(RatioTable ratios) {
        return block(ratios.markdown());
    }

    /** The correctness checks that held after the run, one item each. */
    public Report checks(List<String> checks) {
        StringBuilder out = new StringBuilder("Checked after the run:");
        checks.forEach(check -> out.append("\n- ").append(check));
        return block(out.toString());
    }

    public String text() {
        StringBuilder out = new StringBuilder(String.join("\n", header)).append('\n');
        blocks.forEach(block -> out.append('\n').append(block).append('\n'));
        return out.toString();
    }
}
