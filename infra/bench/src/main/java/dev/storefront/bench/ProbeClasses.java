package dev.storefront.bench;

import dev.storefront.bench.probe.BareHandler;
import dev.storefront.bench.probe.ColdStartProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Copies the probe's class files (package {@code dev.storefront.bench.probe}) out of the bench's own class path
 * into a directory, so that a child JVM gets them without any of the bench's dependencies.
 */
final class ProbeClasses {

    static final String PACKAGE = ColdStartProbe.class.getPackageName();
    static final String PROBE_MAIN = ColdStartProbe.class.getName();
    static final String BARE_HANDLER = BareHandler.class.getName();
    static final String SEARCH_PROBE_MAIN = dev.storefront.bench.probe.SearchProbe.class.getName();
    static final String FLOOR_HANDLER = dev.storefront.bench.probe.FloorLoginHandler.class.getName();

    /** Every class of the probe package; ProbeClassesTest fails when one is added without being listed. */
    static final List<String> SIMPLE_NAMES = List.of("ColdStartProbe", "SearchProbe", "BareHandler", "ProbeContext",
            "ProbeLogger", "FloorLoginHandler");

    private ProbeClasses() {
    }

    /** Writes the class files under {@code directory} and returns it. */
    static Path writeTo(Path directory) {
        String folder = PACKAGE.replace('.', '/');
        try {
            Path target = Files.createDirectories(directory.resolve(folder));
            for (String name : SIMPLE_NAMES) {
                String resource = folder + "/" + name + ".class";
                try (InputStream in = ProbeClasses.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("probe class missing from the class path: " + resource);
                    }
                    Files.write(target.resolve(name + ".class"), in.readAllBytes());
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the probe classes to " + directory, e);
        }
    }
}
