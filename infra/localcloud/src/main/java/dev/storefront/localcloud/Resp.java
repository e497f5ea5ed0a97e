package dev.storefront.localcloud;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The few RESP commands test support sends to Redis without a client library. */
final class Resp {

    private Resp() {
    }

    /** One command in RESP, and its reply (integers, bulk strings and arrays; an error reply throws). */
    static Object command(OutputStream out, InputStream in, String... args) throws IOException {
        StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            request.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply(in);
    }

    private static Object reply(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        return switch (type) {
            case ':' -> Long.parseLong(line);
            case '+' -> line;
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                yield new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(line);
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    values.add(reply(in));
                }
                yield values;
            }
            case '-' -> throw new IOException("Redis error: " + line);
            default -> throw new IOException("unexpected Redis reply type " + type);
        };
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\r'; c = in.read()) {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.append((char) c);
        }
        in.read(); // '\n'
        return line.toString();
    }
}
