package dev.storefront.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Proves that the parent pom's {@code bannedDependencies} enforcer rule keeps DynamoDB Local (both
 * {@code com.amazonaws:DynamoDBLocal} and {@code software.amazon.dynamodb:DynamoDBLocal}, which come under the vendor's
 * own licence, not an open-source one) out of the build: the build fails when a project depends on it directly (in
 * the compile or the test scope) or transitively; a control project of the same shape without it builds; and so does
 * the direct case once the rule is cut out of a copy of the parent, so the failures are that rule's, and the probe
 * really inherits this checkout's parent rather than one installed in the local repository.
 *
 * <p>Each case runs a real Maven build ({@code ./mvnw -B -q -o validate}, the phase the enforcer binds to) of a probe
 * project (fixtures in {@code src/test/resources/banned-dependency}) whose parent is this checkout's
 * {@code storefront-parent}, reached by a relative {@code relativePath} (Maven does not take an absolute one, and
 * silently falls back to the installed parent). The real artifacts are never downloaded: the build is offline, and
 * its dependencies are fakes (a pom and an empty jar under the version {@code 0.0.0-banned-fixture}) written into a
 * temporary local repository, which chains the user's local repository as a read-only tail
 * ({@code maven.repo.local.tail}, Maven 3.9+, which {@code ./mvnw} provides) for the plugins and imported BOMs; the
 * user's local repository is not written. The banned coordinates appear in pom text only in that temporary
 * directory. Needs what any earlier build of the project leaves in the local repository (the enforcer plugin).
 *
 * <p>To see the enforcer's failure messages by hand (each case's Maven output is printed), from the repository root:
 *
 * <pre>
 * ./mvnw -B -o -pl infra/localcloud verify -Dit.test=BannedDependenciesIT -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class BannedDependenciesIT {

    private static final String BANNED_ARTIFACT_ID = "DynamoDBLocal";
    private static final String FAKE_VERSION = "0.0.0-banned-fixture";
    private static final String FIXTURE_GROUP_ID = "dev.storefront.fixture";
    private static final String FIXTURE_VERSION = "1";
    private static final String HARMLESS_ARTIFACT_ID = "harmless";
    private static final String HARMLESS_CARRIER_ARTIFACT_ID = "carrier-of-harmless";
    private static final String ENFORCER_RULE = "BannedDependencies failed";
    private static final long BUILD_TIMEOUT_SECONDS = 120;

    /** The storefront parent of this checkout; the tests run in the module directory, infra/localcloud. */
    private static final Path PARENT_POM =
            Path.of(System.getProperty("user.dir"), "..", "..", "pom.xml").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    private Path repository;

    /** The temporary local repository: both banned artifacts, one carrier of each, and the control's pair. */
    @BeforeEach
    void writeFakeRepository() throws IOException {
        repository = temp.resolve("repository");
        for (String bannedGroupId : List.of("com.amazonaws", "software.amazon.dynamodb")) {
            installLibrary(bannedGroupId, BANNED_ARTIFACT_ID, FAKE_VERSION);
            installCarrier(carrierOf(bannedGroupId), bannedGroupId, BANNED_ARTIFACT_ID, FAKE_VERSION);
        }
        installLibrary(FIXTURE_GROUP_ID, HARMLESS_ARTIFACT_ID, FIXTURE_VERSION);
        installCarrier(HARMLESS_CARRIER_ARTIFACT_ID, FIXTURE_GROUP_ID, HARMLESS_ARTIFACT_ID, FIXTURE_VERSION);
    }

    @ParameterizedTest(name = "{0}:" + BANNED_ARTIFACT_ID + " in scope {1}")
    @CsvSource({
        "com.amazonaws, compile",
        "software.amazon.dynamodb, compile",
        "com.amazonaws, test",
    })
    void enforcer_shouldFail_whenDynamoDbLocalIsADirectDependency(String bannedGroupId, String scope) {
        Build build = buildProbe(PARENT_POM, bannedGroupId, BANNED_ARTIFACT_ID, FAKE_VERSION, scope);

        assertThat(build.exitCode()).as(build.describe()).isNotZero();
        assertThat(build.output()).as(build.describe())
                .contains(ENFORCER_RULE)
                .contains(bannedGroupId + ":" + BANNED_ARTIFACT_ID + ":jar:" + FAKE_VERSION + " <--- banned");
    }

    @ParameterizedTest(name = "{0}:" + BANNED_ARTIFACT_ID + " via a carrier")
    @ValueSource(strings = {"com.amazonaws", "software.amazon.dynamodb"})
    void enforcer_shouldFail_whenDynamoDbLocalIsATransitiveDependency(String bannedGroupId) {
        Build build = buildProbe(PARENT_POM, FIXTURE_GROUP_ID, carrierOf(bannedGroupId), FIXTURE_VERSION, "compile");

        assertThat(build.exitCode()).as(build.describe()).isNotZero();
        assertThat(build.output()).as(build.describe())
                .contains(ENFORCER_RULE)
                .contains(FIXTURE_GROUP_ID + ":" + carrierOf(bannedGroupId) + ":jar:" + FIXTURE_VERSION)
                .contains(bannedGroupId + ":" + BANNED_ARTIFACT_ID + ":jar:" + FAKE_VERSION + " <--- banned");
    }

    /** The same probe, repository and offline build with a harmless carrier: the failures above are not the setup's. */
    @Test
    void enforcer_shouldPass_whenDynamoDbLocalIsNoDependency() {
        Build build = buildProbe(PARENT_POM, FIXTURE_GROUP_ID, HARMLESS_CARRIER_ARTIFACT_ID, FIXTURE_VERSION, "compile");

        assertThat(build.exitCode()).as(build.describe()).isZero();
        assertThat(build.output()).as(build.describe()).doesNotContain(ENFORCER_RULE);
    }

    /**
     * The direct case against a copy of the parent without the rule: it builds, so the failures above are that rule's
     * (no other rule of the parent's, and not a parent installed in the local repository, which may have it too).
     */
    @Test
    void enforcer_shouldPass_whenTheRuleIsCutOutOfTheParent() throws IOException {
        String parent = Files.readString(PARENT_POM);
        String withoutRule = parent.replaceAll("(?s)<bannedDependencies>.*?</bannedDependencies>", "");
        assertThat(withoutRule).as("the parent without its bannedDependencies rule").isNotEqualTo(parent);
        Path copy = temp.resolve("parent-without-rule").resolve("pom.xml");
        Files.createDirectories(copy.getParent());
        write(copy, withoutRule);

        Build build = buildProbe(copy, "com.amazonaws", BANNED_ARTIFACT_ID, FAKE_VERSION, "compile");

        assertThat(build.exitCode()).as(build.describe()).isZero();
        assertThat(build.output()).as(build.describe()).doesNotContain(ENFORCER_RULE);
    }

    // --- the probe build ----------------------------------------------------------------------------------------

    private record Build(String name, int exitCode, String output) {
        String describe() {
            // Indented, so that the probe's [ERROR] lines do not pass for the outer build's own.
            return "Maven build of the probe depending on " + name + " (exit " + exitCode + "):\n"
                    + output.strip().indent(4);
        }
    }

    /** Builds the probe with the given parent pom (whose coordinates it takes) and its one dependency. */
    private Build buildProbe(Path parentPom, String groupId, String artifactId, String version, String scope) {
        Path project = temp.resolve("project");
        Path log = temp.resolve("maven.log");
        String name = groupId + ":" + artifactId + ":" + version + " (" + scope + ")"
                + (parentPom.equals(PARENT_POM) ? "" : " under " + parentPom);
        try {
            Files.createDirectories(project);
            Path relativePath = project.relativize(parentPom);
            assertThat(project.resolve(relativePath)).as("the probe's relativePath").isRegularFile();
            assertThat(Files.isSameFile(project.resolve(relativePath), parentPom)).as("the probe's parent").isTrue();
            Element parent = rootElement(parentPom);
            write(project.resolve("pom.xml"), fixture("project.pom.xml.fixture", Map.of(
                    "PARENT_GROUP_ID", child(parent, "groupId"),
                    "PARENT_ARTIFACT_ID", child(parent, "artifactId"),
                    "PARENT_VERSION", child(parent, "version"),
                    "PARENT_RELATIVE_PATH", relativePath.toString().replace('\\', '/'),
                    "GROUP_ID", groupId, "ARTIFACT_ID", artifactId, "VERSION", version, "SCOPE", scope)));

            ProcessBuilder maven = new ProcessBuilder(
                    mavenWrapper().toString(),
                    "-B", "-q", "-o",
                    "-f", project.resolve("pom.xml").toString(),
                    "-Dmaven.repo.local=" + repository,
                    "-Dmaven.repo.local.tail=" + userLocalRepository(),
                    "validate")
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // The JDK running this test (17+, what requireJavaVersion asks), and no stray arguments from the caller.
            // A build this short is mostly JVM start-up: C1 only and the serial collector about halve it.
            Map<String, String> env = maven.environment();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            String fastStart = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
            env.put("MAVEN_OPTS", (fastStart + " " + env.getOrDefault("MAVEN_OPTS", "")).strip());
            env.remove("MAVEN_ARGS");

            Process process = maven.start();
            if (!process.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("Maven build of the probe depending on " + name + " timed out after "
                        + BUILD_TIMEOUT_SECONDS + " s:\n" + Files.readString(log));
            }
            Build build = new Build(name, process.exitValue(), Files.readString(log));
            System.out.println("[BannedDependenciesIT] " + build.describe());
            return build;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The project's Maven wrapper, next to the parent pom: Maven 3.9, for {@code maven.repo.local.tail}. */
    private static Path mavenWrapper() {
        assertThat(PARENT_POM).as("the storefront parent pom").isRegularFile();
        Path wrapper = PARENT_POM.resolveSibling("mvnw");
        assertThat(wrapper).as("the Maven wrapper").isExecutable();
        return wrapper;
    }

    /** Failsafe passes the outer build's local repository; without it (an IDE), Maven's default. */
    private static Path userLocalRepository() {
        String configured = System.getProperty("storefront.it.localRepository", "");
        Path repository = configured.isBlank() || configured.contains("${")
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(configured);
        assertThat(repository).as("the local repository with the build's plugins").isDirectory();
        return repository.toAbsolutePath();
    }

    private static Element rootElement(Path pom) throws IOException {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot parse " + pom, e);
        }
    }

    /** The text of the element's direct child of that name (a pom's own coordinates, not its parent's). */
    private static String child(Element element, String name) {
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().strip();
            }
        }
        throw new AssertionError("no <" + name + "> in <" + element.getTagName() + ">");
    }

    // --- the fake repository ------------------------------------------------------------------------------------

    private static String carrierOf(String bannedGroupId) {
        return "carrier-of-" + bannedGroupId.replace('.', '-');
    }

    private void installLibrary(String groupId, String artifactId, String version) throws IOException {
        install(groupId, artifactId, version, fixture("library.pom.fixture",
                Map.of("GROUP_ID", groupId, "ARTIFACT_ID", artifactId, "VERSION", version)));
    }

    private void installCarrier(String artifactId, String depGroupId, String depArtifactId, String depVersion)
            throws IOException {
        install(FIXTURE_GROUP_ID, artifactId, FIXTURE_VERSION, fixture("carrier.pom.fixture", Map.of(
                "GROUP_ID", FIXTURE_GROUP_ID, "ARTIFACT_ID", artifactId, "VERSION", FIXTURE_VERSION,
                "DEP_GROUP_ID", depGroupId, "DEP_ARTIFACT_ID", depArtifactId, "DEP_VERSION", depVersion)));
    }

    /** Local-repository layout: a pom and an empty jar (the enforcer only reads poms, but a jar dependency has one). */
    private void install(String groupId, String artifactId, String version, String pom) throws IOException {
        Path dir = repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        write(dir.resolve(artifactId + "-" + version + ".pom"), pom);
        try (OutputStream out = Files.newOutputStream(dir.resolve(artifactId + "-" + version + ".jar"));
             JarOutputStream jar = new JarOutputStream(out, new Manifest())) {
            jar.flush();
        }
    }

    private static String fixture(String name, Map<String, String> values) {
        String text;
        try (InputStream in = BannedDependenciesIT.class.getResourceAsStream("/banned-dependency/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("@" + value.getKey() + "@", xmlEscape(value.getValue()));
        }
        assertThat(text).as("fixture " + name + " with every placeholder filled").doesNotContainPattern("@[A-Z_]+@");
        return text;
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
