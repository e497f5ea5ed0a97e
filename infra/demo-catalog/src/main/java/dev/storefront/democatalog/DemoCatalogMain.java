package dev.storefront.democatalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.storefront.domain.catalog.ProductDraft;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints demo products as JSON lines, in the shape of {@code POST /admin/products}, for eyeballing:
 * {@code java -cp ... dev.storefront.democatalog.DemoCatalogMain --seed 42 --count 5 [--currency USD]}.
 */
public final class DemoCatalogMain {

    private DemoCatalogMain() {
    }

    public static void main(String[] args) throws IOException {
        long seed = 42;
        int count = 10;
        String currency = DemoCatalog.DEFAULT_CURRENCY;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(require(args[i], value));
                case "--count" -> count = Integer.parseInt(require(args[i], value));
                case "--currency" -> currency = require(args[i], value);
                default -> {
                    System.err.println("usage: DemoCatalogMain [--seed N] [--count N] [--currency ISO]");
                    System.exit(2);
                }
            }
            i++;
        }
        ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        try {
            new DemoCatalog(currency).stream(seed, count).forEach(draft -> {
                try {
                    out.write(json.writeValueAsString(toJson(draft)));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            out.flush();
        }
    }

    /** Field order of the API; attributes sorted so the same seed prints the same bytes on every JVM. */
    static Map<String, Object> toJson(ProductDraft draft) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("sku", draft.sku());
        node.put("name", draft.name());
        node.put("description", draft.description());
        node.put("category", draft.category());
        node.put("brand", draft.brand());
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("amount", draft.price().amount());
        price.put("currency", draft.price().currency());
        node.put("price", price);
        node.put("stock", Map.of("available", draft.available()));
        node.put("weightGrams", draft.weightGrams());
        node.put("images", draft.images());
        node.put("attributes", new TreeMap<>(draft.attributes()));
        return node;
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
