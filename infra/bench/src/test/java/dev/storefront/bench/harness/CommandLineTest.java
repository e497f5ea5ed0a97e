package dev.storefront.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static CommandLine commandLine() {
        return CommandLine.of("./storefront bench example")
                .number("--orders", 2000, 1, "orders per scenario")
                .number("--seed", 42, "seed")
                .text("--variants", "LIST", null, "which variants")
                .repeated("--mode", "SPEC", "JVM flags;\nrepeatable")
                .flag("--keep", "keep the work directory");
    }

    @Test
    void parse_shouldGiveTheDefaults_whenNothingIsGiven() {
        Arguments args = commandLine().parse("--repo", "/repo");

        assertThat(args.integer("--orders")).isEqualTo(2000);
        assertThat(args.number("--seed")).isEqualTo(42);
        assertThat(args.text("--variants")).isNull();
        assertThat(args.all("--mode")).isEmpty();
        assertThat(args.flag("--keep")).isFalse();
        assertThat(args.help()).isFalse();
        assertThat(args.repo()).isEqualTo(Path.of("/repo"));
    }

    @Test
    void parse_shouldReadEveryKindOfOption_inBothForms() {
        Arguments args = commandLine().parse("--orders", "500", "--seed=-7", "--variants", "a,b", "--mode", "c1",
                "--mode=x=-Xint -Xss1m", "--keep", "--orders", "600");

        assertThat(args.integer("--orders")).isEqualTo(600);
        assertThat(args.number("--seed")).isEqualTo(-7);
        assertThat(args.text("--variants")).isEqualTo("a,b");
        assertThat(args.all("--mode")).containsExactly("c1", "x=-Xint -Xss1m");
        assertThat(args.flag("--keep")).isTrue();
    }

    @Test
    void parse_shouldNameTheOption_whenItIsUnknown() {
        assertThatThrownBy(() -> commandLine().parse("--orders", "5", "--oders", "6"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("unknown option --oders");
        assertThatThrownBy(() -> commandLine().parse("stray"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("unexpected argument stray");
    }

    @Test
    void parse_shouldSayWhatIsWrong_whenANumberIsNotANumber() {
        assertThatThrownBy(() -> commandLine().parse("--orders", "2k"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("--orders takes a whole number, not '2k'");
        assertThatThrownBy(() -> commandLine().parse("--seed", "1.5"))
                .hasMessage("--seed takes a whole number, not '1.5'");
    }

    @Test
    void parse_shouldGiveTheMinimum_whenANumberIsBelowIt() {
        assertThatThrownBy(() -> commandLine().parse("--orders", "0"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("--orders must be at least 1, not 0");
    }

    @Test
    void parse_shouldReject_aMissingValueAndAValueOnAFlag() {
        assertThatThrownBy(() -> commandLine().parse("--orders")).hasMessage("--orders needs a value");
        assertThatThrownBy(() -> commandLine().parse("--keep=yes")).hasMessage("--keep takes no value");
    }

    @Test
    void parse_shouldAcceptUnderscoresInNumbers() {
        assertThat(commandLine().parse("--orders", "100_000").integer("--orders")).isEqualTo(100_000);
    }

    @Test
    void integer_shouldReject_aNumberTooLargeForAnInt() {
        Arguments args = commandLine().parse("--orders", "3000000000");

        assertThatThrownBy(() -> args.integer("--orders")).hasMessage("--orders is too large: 3000000000");
        assertThat(args.number("--orders")).isEqualTo(3_000_000_000L);
    }

    @Test
    void parse_shouldAskForHelp_withHelpOrH() {
        assertThat(commandLine().parse("--help").help()).isTrue();
        assertThat(commandLine().parse("--orders", "3", "-h").help()).isTrue();
    }

    @Test
    void command_shouldReproduceTheRun_withEveryNumberAndNoFlags() {
        Arguments args = commandLine().parse("--seed", "7", "--keep", "--variants", "a", "--repo", "/elsewhere");

        assertThat(args.command()).isEqualTo("./storefront bench example --orders 2000 --seed 7");
    }

    @Test
    void usage_shouldListEveryOptionWithItsDefault() {
        String usage = commandLine().usage();

        assertThat(usage).startsWith("usage: ./storefront bench example [--orders N] [--seed N] [--variants LIST]"
                + " [--mode SPEC]... [--keep] [--repo DIR] [--help]\n");
        assertThat(usage).contains("  --orders N       orders per scenario (default 2000)\n",
                "  --seed N         seed (default 42)\n",
                "  --mode SPEC      JVM flags;\n                   repeatable\n",
                "  --keep           keep the work directory\n");
    }

    @Test
    void declaring_shouldReject_theSameOptionTwiceAndTheHarnessOwnOptions() {
        assertThatThrownBy(() -> CommandLine.of("x").flag("--a", "a").flag("--a", "again"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandLine.of("x").text("--repo", "DIR", null, "mine"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void require_shouldThrowAUsageException_whenTheConditionFails() {
        assertThatThrownBy(() -> Arguments.require(false, "--orders must be at least 2 x --rounds"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("--orders must be at least 2 x --rounds");
    }
}
