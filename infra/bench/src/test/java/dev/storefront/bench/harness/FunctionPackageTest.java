package dev.storefront.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.localcloud.CloudFormationTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionPackageTest {

    private static final String TEMPLATE = """
            Resources:
              SearchFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/search/target/search.zip
                  Handler: dev.storefront.functions.search.SearchHandler::handleRequest
            """;

    @Test
    void unpack_shouldLayTheZipOutAsLambdaDoes_andBuildTheClassPath(@TempDir Path repo) throws IOException {
        // given
        Path zip = repo.resolve("functions/search/target/search.zip");
        zip(zip, Map.of("dev/storefront/Handler.class", "x", "lib/b.jar", "b", "lib/a.jar", "a", "lib/notes.txt", "n"));
        Files.writeString(repo.resolve("template.yaml"), TEMPLATE);

        // when
        FunctionPackage function = FunctionPackage.unpack(CloudFormationTemplate.load(repo.resolve("template.yaml")),
                "SearchFunction", repo.resolve("work/package"));

        // then
        Path root = repo.resolve("work/package");
        assertThat(function.handler()).isEqualTo("dev.storefront.functions.search.SearchHandler");
        assertThat(root.resolve("dev/storefront/Handler.class")).hasContent("x");
        assertThat(function.classPath(repo.resolve("env"), repo.resolve("probe"))).containsExactly(repo.resolve("env"),
                repo.resolve("probe"), root, root.resolve("lib/a.jar"), root.resolve("lib/b.jar"));
    }

    @Test
    void unpack_shouldSayHowToBuildIt_whenTheZipIsMissing(@TempDir Path repo) throws IOException {
        Files.writeString(repo.resolve("template.yaml"), TEMPLATE);
        CloudFormationTemplate template = CloudFormationTemplate.load(repo.resolve("template.yaml"));

        assertThatThrownBy(() -> FunctionPackage.unpack(template, "SearchFunction", repo.resolve("work")))
                .hasMessageEndingWith("search.zip is missing: build it with ./mvnw -B -q -pl functions/search -am"
                        + " package -DskipTests");
        assertThatThrownBy(() -> FunctionPackage.unpack(template, "NoFunction", repo.resolve("work")))
                .hasMessage("template.yaml has no NoFunction");
    }

    @Test
    void unzip_shouldRefuse_anEntryOutsideTheTarget(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("evil.zip");
        zip(zip, Map.of("../outside.txt", "x"));

        assertThatThrownBy(() -> FunctionPackage.unzip(zip, dir.resolve("target")))
                .isInstanceOf(IOException.class).hasMessageContaining("outside the target");
        assertThat(dir.resolve("outside.txt")).doesNotExist();
    }

    @Test
    void childProcess_shouldPassNothingOfThisProcess_butPathHomeAndLocale() {
        Map<String, String> env = FunctionEnvironment.childProcess(Map.of("AWS_REGION", "us-east-1"), "snap-start");

        assertThat(env).containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        assertThat(env.keySet()).allSatisfy(name -> assertThat(name).isIn("AWS_REGION",
                "AWS_LAMBDA_INITIALIZATION_TYPE", "PATH", "HOME", "LANG", "TZ"));
    }

    private static void zip(Path zip, Map<String, String> entries) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes());
                out.closeEntry();
            }
        }
    }
}
