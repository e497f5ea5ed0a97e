package dev.storefront.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The local DynamoDB process: where it listens, what it keeps across restarts, and that it never outlives its parent. */
class MotoServerIT {

    private static final String TABLE = "Things";

    @Test
    void inMemoryServer_shouldAnswer_andListenOnLoopbackOnly() throws Exception {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(MotoServerIT::isUp)
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        try (MotoServer server = MotoServer.startInMemory();
             DynamoDbClient client = LocalAwsClients.dynamoDb(server.endpoint())) {
            assertThat(client.listTables().tableNames()).isEmpty();
            assertThat(server.endpoint().toString()).startsWith("http://127.0.0.1:");
            assertThat(connects(InetAddress.getLoopbackAddress(), server.port())).isTrue();
            external.ifPresent(address -> assertThat(connects(address, server.port()))
                    .as("reachable on " + address).isFalse());
        }
    }

    @Test
    void close_shouldStopTheProcess_andLeaveNoThreadBehind() {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        MotoServer server = MotoServer.startInMemory();
        ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();

        server.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon()).map(Thread::getName).toList())
                .as("non-daemon threads left after close").isEmpty();
    }

    @Test
    void reset_shouldDeleteEveryTable() {
        try (MotoServer server = MotoServer.startInMemory();
             DynamoDbClient client = LocalAwsClients.dynamoDb(server.endpoint())) {
            createTable(client);

            server.reset();

            assertThat(client.listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void snapshot_shouldKeepTablesIndexesStreamTtlAndItems_acrossStopAndStart(@TempDir Path dir) {
        Path snapshot = dir.resolve("tables.json");
        try (MotoServer server = MotoServer.start(0, snapshot);
             DynamoDbClient client = LocalAwsClients.dynamoDb(server.endpoint())) {
            createTable(client);
            putItems(client, 0, 60);
            client.putItem(b -> b.tableName(TABLE).item(Map.of(
                    "pk", AttributeValue.fromS("odd \u00e9\u0000\u202e"),
                    "group", AttributeValue.fromS("g"),
                    "nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(
                            AttributeValue.fromN("12345678901234567890"), AttributeValue.fromBool(true),
                            AttributeValue.fromNul(true), AttributeValue.fromSs(List.of("a", "b")))))))));
        }
        assertThat(snapshot).exists();

        try (MotoServer server = MotoServer.start(0, snapshot);
             DynamoDbClient client = LocalAwsClients.dynamoDb(server.endpoint())) {
            TableDescription table = client.describeTable(b -> b.tableName(TABLE)).table();
            assertThat(table.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("byGroup");
            assertThat(table.streamSpecification().streamEnabled()).isTrue();
            assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
            assertThat(client.describeTimeToLive(b -> b.tableName(TABLE)).timeToLiveDescription().timeToLiveStatus())
                    .isEqualTo(TimeToLiveStatus.ENABLED);
            assertThat(count(client)).isEqualTo(61);
            assertThat(client.query(b -> b.tableName(TABLE).indexName("byGroup")
                    .keyConditionExpression("#g = :g").expressionAttributeNames(Map.of("#g", "group"))
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("g")))).count()).isEqualTo(61);
            Map<String, AttributeValue> odd = client.getItem(b -> b.tableName(TABLE).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS("odd \u00e9\u0000\u202e")))).item();
            assertThat(odd.get("nested").m().get("list").l()).containsExactly(
                    AttributeValue.fromN("12345678901234567890"), AttributeValue.fromBool(true),
                    AttributeValue.fromNul(true), AttributeValue.fromSs(List.of("a", "b")));
        }
    }

    /*
     * The stop is killed while the snapshot is being written (its temporary file exists): the previous
     * snapshot must still be there, whole, and the next start must read it.
     */
    @Test
    void snapshot_shouldStayTheLastGoodOne_whenTheStopIsKilledWhileWriting(@TempDir Path dir) throws Exception {
        Path snapshot = dir.resolve("tables.json");
        try (MotoServer server = MotoServer.start(0, snapshot);
             DynamoDbClient client = LocalAwsClients.dynamoDb(server.endpoint())) {
            createTable(client);
            putItems(client, 0, 2000);
        }
        String good = Files.readString(snapshot);

        MotoServer server = MotoServer.start(0, snapshot);
        try (DynamoDbClient client = LocalAwsClients.dynamoDb(server.endpoint())) {
            putItems(client, 2000, 6000);
        }
        ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
        process.destroy(); // SIGTERM: an orderly stop, which writes the snapshot
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean writing = false;
        while (!writing && process.isAlive() && System.nanoTime() < deadline) {
            writing = temporaryFiles(dir).findAny().isPresent();
        }
        process.destroyForcibly(); // SIGKILL, half way through
        process.onExit().get(30, TimeUnit.SECONDS);
        server.close();

        assertThat(writing).as("the kill landed while the snapshot was being written").isTrue();
        assertThat(Files.readString(snapshot)).isEqualTo(good);
        try (MotoServer restarted = MotoServer.start(0, snapshot);
             DynamoDbClient client = LocalAwsClients.dynamoDb(restarted.endpoint())) {
            assertThat(count(client)).isEqualTo(2000);
            assertThat(temporaryFiles(dir)).as("the half-written file is removed at start").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"KILL", "TERM", "INT"})
    void child_shouldStop_whenItsParentEnds(String signal) throws Exception {
        // The parent JVM gets SIGINT's default disposition, as in a terminal where Ctrl-C sends it: started from a
        // background job, this JVM may have inherited SIGINT ignored, and would pass that on (a JVM keeps an
        // ignored SIGINT ignored). Python resets it and then becomes the JVM (exec: same process id).
        Process parent = new ProcessBuilder("python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MotoChild.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long motoPid = readMotoPid(parent);
            ProcessHandle moto = ProcessHandle.of(motoPid).orElseThrow();
            assertThat(moto.parent().map(ProcessHandle::pid)).contains(parent.pid());

            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(parent.pid())).start();
            assertThat(kill.waitFor()).isZero();

            assertThat(parent.waitFor(60, TimeUnit.SECONDS)).as("parent ended").isTrue();
            moto.onExit().get(60, TimeUnit.SECONDS);
            assertThat(moto.isAlive()).as("moto (pid " + motoPid + ") after SIG" + signal + " of its parent").isFalse();
        } finally {
            parent.destroyForcibly();
        }
    }

    private static long readMotoPid(Process parent) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("MOTO_PID ")) {
                return Long.parseLong(line.substring("MOTO_PID ".length()).trim());
            }
        }
        throw new IllegalStateException("the parent ended before starting moto (exit " + parent.exitValue() + ")");
    }

    private static Stream<Path> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> temporary = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
            return temporary.stream();
        }
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("group").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .globalSecondaryIndexes(g -> g.indexName("byGroup").keySchema(k -> k.attributeName("group").keyType("HASH"))
                        .projection(p -> p.projectionType("ALL")))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        client.updateTimeToLive(b -> b.tableName(TABLE).timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
    }

    private static void putItems(DynamoDbClient client, int from, int to) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "pk", AttributeValue.fromS("item-" + i), "group", AttributeValue.fromS("g"),
                    "payload", AttributeValue.fromS("x".repeat(200)))).build()).build());
            if (batch.size() == 25 || i == to - 1) {
                List<WriteRequest> requests = List.copyOf(batch);
                client.batchWriteItem(b -> b.requestItems(Map.of(TABLE, requests)));
                batch.clear();
            }
        }
    }

    private static int count(DynamoDbClient client) {
        return client.scanPaginator(b -> b.tableName(TABLE).select(Select.COUNT)).stream()
                .mapToInt(page -> page.count()).sum();
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
