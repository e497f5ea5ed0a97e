package dev.storefront.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.bench.probe.ColdStartProbe;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeClassesTest {

    @Test
    void writeTo_shouldCopyEveryClassOfTheProbePackage(@TempDir Path target) throws IOException, URISyntaxException {
        Path compiled = Path.of(ColdStartProbe.class.getResource("ColdStartProbe.class").toURI()).getParent();

        ProbeClasses.writeTo(target);

        Path written = target.resolve(ProbeClasses.PACKAGE.replace('.', '/'));
        assertThat(names(written)).containsExactlyInAnyOrderElementsOf(names(compiled));
    }

    private static java.util.List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class")).toList();
        }
    }
}
