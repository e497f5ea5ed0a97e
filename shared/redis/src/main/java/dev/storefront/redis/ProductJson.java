package dev.storefront.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cached form of a product: compact JSON written and read field by field (no reflection, so nothing
 * depends on record introspection at init). A value that cannot be read is treated as a miss.
 */
final class ProductJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProductJson() {
    }

    static String write(Product product) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("productId", product.productId());
        node.put("sku", product.sku());
        node.put("name", product.name());
        node.put("description", product.description());
        node.put("category", product.category());
        node.put("brand", product.brand());
        node.put("priceAmount", product.price().amount());
        node.put("currency", product.price().currency());
        node.put("available", product.available());
        node.put("weightGrams", product.weightGrams());
        var images = node.putArray("images");
        product.images().forEach(images::add);
        ObjectNode attributes = node.putObject("attributes");
        product.attributes().forEach(attributes::put);
        node.put("status", product.status().name());
        node.put("createdAt", product.createdAt().toString());
        node.put("updatedAt", product.updatedAt().toString());
        node.put("version", product.version());
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a product is always serializable", e);
        }
    }

    static Optional<Product> read(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            List<String> images = new ArrayList<>();
            node.required("images").forEach(image -> images.add(image.asText()));
            Map<String, String> attributes = new LinkedHashMap<>();
            node.required("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
            return Optional.of(new Product(text(node, "productId"), text(node, "sku"), text(node, "name"),
                    text(node, "description"), text(node, "category"), text(node, "brand"),
                    Money.of(node.required("priceAmount").longValue(), text(node, "currency")),
                    node.required("available").intValue(), node.required("weightGrams").intValue(), images,
                    attributes, ProductStatus.valueOf(text(node, "status")), Instant.parse(text(node, "createdAt")),
                    Instant.parse(text(node, "updatedAt")), node.required("version").longValue()));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        return node.required(field).textValue();
    }
}
