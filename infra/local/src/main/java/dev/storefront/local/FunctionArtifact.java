package dev.storefront.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's code on disk as Lambda sees it: the CodeUri zip extracted to a temporary directory (classes at
 * its root, libraries in {@code lib/*.jar}), plus a directory holding the function's
 * {@code storefront-lambda-env.properties}, which comes first on the class path.
 */
final class FunctionArtifact implements AutoCloseable {

    static final String ENV_RESOURCE = "storefront-lambda-env.properties";

    private final Path codeDirectory;
    private final Path envDirectory;
    private final boolean extracted;
    private final List<URL> classPath;

    private FunctionArtifact(Path codeDirectory, Path envDirectory, boolean extracted) {
        this.codeDirectory = codeDirectory;
        this.envDirectory = envDirectory;
        this.extracted = extracted;
        this.classPath = buildClassPath();
    }

    /** Extracts {@code codeUri} (a zip, or a directory used in place) and writes the environment resource. */
    static FunctionArtifact prepare(FunctionDefinition function, Map<String, String> environment) {
        Path codeUri = function.codeUri();
        if (codeUri == null || !Files.exists(codeUri)) {
            throw new IllegalStateException(function.logicalId() + ": CodeUri " + codeUri
                    + " does not exist; build the function first (mvn -DskipTests install)");
        }
        try {
            Path envDirectory = Files.createTempDirectory("storefront-env-" + function.logicalId() + "-");
            writeEnvironment(envDirectory.resolve(ENV_RESOURCE), environment);
            if (Files.isDirectory(codeUri)) {
                return new FunctionArtifact(codeUri, envDirectory, false);
            }
            Path target = Files.createTempDirectory("storefront-fn-" + function.logicalId() + "-");
            unzip(codeUri, target);
            return new FunctionArtifact(target, envDirectory, true);
        } catch (IOException e) {
            throw new UncheckedIOException(function.logicalId() + ": cannot prepare " + codeUri, e);
        }
    }

    private static void writeEnvironment(Path file, Map<String, String> environment) throws IOException {
        Properties properties = new Properties();
        properties.putAll(new TreeMap<>(environment));
        // store(OutputStream) escapes every non-ASCII character, so the file reads the same as UTF-8 or Latin-1.
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "Environment of this function in the local gateway");
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                }
            }
        }
    }

    private List<URL> buildClassPath() {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(envDirectory.toUri().toURL());
            urls.add(codeDirectory.toUri().toURL());
            Path lib = codeDirectory.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(urls);
    }

    /** Class path of a function class loader: environment directory, code root, then {@code lib/*.jar}. */
    List<URL> classPath() {
        return classPath;
    }

    /** Reads the environment resource back (for tests and diagnostics). */
    Properties environment() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(envDirectory.resolve(ENV_RESOURCE))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @Override
    public void close() {
        delete(envDirectory);
        if (extracted) {
            delete(codeDirectory);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Temporary files: best effort.
        }
    }
}
