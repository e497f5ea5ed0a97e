package dev.storefront.localcloud;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Everything a test's local DynamoDB (moto) and Redis hold at one moment: every item of every table, and every
 * Redis key with its remaining time to live. Tests take one before and one after some code ran to prove it wrote
 * nothing durable (SnapStart priming).
 *
 * @param items     per table, its items rendered as text, sorted
 * @param redisKeys every key with its PTTL in milliseconds (-1: no expiry)
 */
public record StoreSnapshot(Map<String, TreeSet<String>> items, Map<String, Long> redisKeys) {

    /** Reads both stores of the environment. */
    public static StoreSnapshot of(FunctionTestEnvironment environment) {
        try (DynamoDbClient client = LocalAwsClients.dynamoDb(environment.dynamoDb().endpoint())) {
            return new StoreSnapshot(items(client), redisKeys(environment.redis().port()));
        }
    }

    /** Items added, changed or removed since {@code before}, as {@code table: +item} / {@code table: -item}. */
    public List<String> itemChangesSince(StoreSnapshot before) {
        List<String> changes = new ArrayList<>();
        TreeSet<String> tables = new TreeSet<>(items.keySet());
        tables.addAll(before.items.keySet());
        for (String table : tables) {
            TreeSet<String> now = items.getOrDefault(table, new TreeSet<>());
            TreeSet<String> then = before.items.getOrDefault(table, new TreeSet<>());
            now.stream().filter(item -> !then.contains(item)).forEach(item -> changes.add(table + ": +" + item));
            then.stream().filter(item -> !now.contains(item)).forEach(item -> changes.add(table + ": -" + item));
        }
        return changes;
    }

    /** Keys that exist now and did not before, with their PTTL. */
    public Map<String, Long> redisKeysAddedSince(StoreSnapshot before) {
        Map<String, Long> added = new TreeMap<>(redisKeys);
        added.keySet().removeAll(before.redisKeys.keySet());
        return added;
    }

    private static Map<String, TreeSet<String>> items(DynamoDbClient client) {
        Map<String, TreeSet<String>> items = new TreeMap<>();
        for (String table : client.listTablesPaginator().tableNames()) {
            TreeSet<String> rendered = new TreeSet<>();
            for (Map<String, AttributeValue> item : client.scanPaginator(ScanRequest.builder().tableName(table)
                    .consistentRead(true).build()).items()) {
                rendered.add(new TreeMap<>(item).toString());
            }
            items.put(table, rendered);
        }
        return items;
    }

    private static Map<String, Long> redisKeys(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Map<String, Long> keys = new TreeMap<>();
            for (Object key : (List<?>) Resp.command(out, in, "KEYS", "*")) {
                keys.put((String) key, (Long) Resp.command(out, in, "PTTL", (String) key));
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Redis keys", e);
        }
    }
}
