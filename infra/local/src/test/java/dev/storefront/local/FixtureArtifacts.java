package dev.storefront.local;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds, at test time, a Lambda deployment zip of the fixture handlers ({@code lib/fixture.jar} plus
 * {@code lib/aws-lambda-java-core.jar}) next to a copy of the fixture template.
 */
final class FixtureArtifacts {
    private FixtureArtifacts() {
    }

    /** Writes {@code template.yaml} and {@code fixture.zip} into {@code dir}; returns the template path. */
    static Path prepare(Path dir) throws IOException, URISyntaxException {
        Path testClasses = Path.of(FixtureArtifacts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path fixtureClasses = testClasses.resolve("dev/storefront/local/fixture");
        Path lambdaCore = Path.of(Context.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("fixture.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> classes = Files.list(fixtureClasses)) {
            for (Path file : classes.sorted().toList()) {
                out.putNextEntry(new JarEntry("dev/storefront/local/fixture/" + file.getFileName()));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("fixture.zip")))) {
            for (Path file : List.of(jar, lambdaCore)) {
                zip.putNextEntry(new ZipEntry("lib/" + file.getFileName()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        Files.delete(jar);
        Path template = dir.resolve("template.yaml");
        try (InputStream in = FixtureArtifacts.class.getResourceAsStream("/gateway-template.yaml");
             OutputStream out = Files.newOutputStream(template)) {
            in.transferTo(out);
        }
        return template;
    }
}
