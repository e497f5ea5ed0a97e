package dev.storefront.bench.harness;

import dev.storefront.localcloud.CloudFormationTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function's deployment zip (the one template.yaml's {@code CodeUri} names) unpacked as Lambda lays it out:
 * classes at the root, jars in {@code lib/}.
 *
 * @param handler the handler class ({@code Handler} without the method)
 * @param root    the unpacked zip
 * @param libs    the jars of {@code lib/}, sorted
 */
public record FunctionPackage(String handler, Path root, List<Path> libs) {

    public FunctionPackage {
        libs = List.copyOf(libs);
    }

    /** Unpacks the function {@code logicalId} of the template into {@code target}. */
    public static FunctionPackage unpack(CloudFormationTemplate template, String logicalId, Path target) {
        CloudFormationTemplate.Resource function = template.resources().get(logicalId);
        if (function == null) {
            throw new IllegalStateException("template.yaml has no " + logicalId);
        }
        Path zip = template.baseDirectory().resolve(String.valueOf(function.properties().get("CodeUri"))).normalize();
        if (!Files.isRegularFile(zip)) {
            Path module = template.baseDirectory().relativize(zip.getParent().getParent());
            throw new IllegalStateException(zip + " is missing: build it with ./mvnw -B -q -pl " + module
                    + " -am package -DskipTests");
        }
        String handler = String.valueOf(function.properties().get("Handler")).split("::")[0];
        try {
            Path root = unzip(zip, target);
            try (Stream<Path> files = Files.list(root.resolve("lib"))) {
                return new FunctionPackage(handler, root,
                        files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    /** The class path of a child JVM: {@code first} (e.g. the environment and probe directories), root, libs. */
    public List<Path> classPath(Path... first) {
        List<Path> classPath = new ArrayList<>(Arrays.asList(first));
        classPath.add(root);
        classPath.addAll(libs);
        return List.copyOf(classPath);
    }

    static Path unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        }
        return target;
    }
}
