package dev.storefront.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbLocalServerIT {

    @Test
    void inMemoryServer_shouldAnswer_andSendNoTelemetry_andLeaveNoThreads() throws Exception {
        Path metadata = Path.of(System.getProperty("user.dir"), "dynamodb-local-metadata.json");
        Files.deleteIfExists(metadata);
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        try (DynamoDbLocalServer server = DynamoDbLocalServer.startInMemory();
             DynamoDbClient client = LocalAwsClients.dynamoDb(server.endpoint())) {
            assertThat(client.listTables().tableNames()).isEmpty();
            assertThat(server.endpoint().toString()).startsWith("http://127.0.0.1:");
        }

        assertThat(metadata).doesNotExist();
        long deadline = System.currentTimeMillis() + 5000;
        Set<String> leftovers;
        do {
            leftovers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
                    .map(t -> t.getName() + java.util.Arrays.toString(t.getStackTrace())).collect(Collectors.toSet());
            if (leftovers.isEmpty()) {
                break;
            }
            Thread.onSpinWait();
        } while (System.currentTimeMillis() < deadline);
        assertThat(leftovers).as("non-daemon threads left after close").isEmpty();
    }

    @Test
    void server_shouldListenOnLoopbackOnly() throws Exception {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(this::isUp)
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        try (DynamoDbLocalServer server = DynamoDbLocalServer.startInMemory()) {
            assertThat(connects(InetAddress.getLoopbackAddress(), server.port())).isTrue();
            external.ifPresent(address -> assertThat(connects(address, server.port())).as("reachable on " + address).isFalse());
        }
    }

    @Test
    void directoryServer_shouldKeepTablesAcrossRestarts(@TempDir Path dir) {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start(0, dir);
             DynamoDbClient client = LocalAwsClients.dynamoDb(server.endpoint())) {
            client.createTable(b -> b.tableName("Things").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH")));
        }
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start(0, dir);
             DynamoDbClient client = LocalAwsClients.dynamoDb(server.endpoint())) {
            assertThat(client.listTables().tableNames()).containsExactly("Things");
        }
    }

    private boolean isUp(NetworkInterface networkInterface) {
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
