package dev.storefront.local.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Asks the local Redis one question in its own protocol (RESP), so tests can see what the functions cached
 * without a Redis client on the test class path.
 */
final class RedisProbe {

    private RedisProbe() {
    }

    /** Whether the product-detail cache holds the product ({@code HEXISTS product:v1:{id} j}). */
    static boolean productCached(int port, String productId) {
        return command(port, "HEXISTS", "product:v1:{" + productId + "}", "j").equals(":1");
    }

    /** Sends one command and returns the first line of the reply, e.g. {@code :1} or {@code +OK}. */
    static String command(int port, String... args) {
        StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            request.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
