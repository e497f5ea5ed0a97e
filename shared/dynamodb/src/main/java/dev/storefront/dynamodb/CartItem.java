package dev.storefront.dynamodb;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Persistence shape of a cart in the carts table ({@code userId}): its lines, the {@code version} every save
 * increments, and {@code expiresAt} (epoch seconds), the table's TTL.
 */
final class CartItem {

    private static final EnhancedType<List<Line>> LINES = EnhancedType.listOf(
            EnhancedType.documentOf(Line.class, Line.SCHEMA, d -> d.ignoreNulls(true)));

    static final TableSchema<CartItem> SCHEMA = StaticTableSchema.builder(CartItem.class)
            .newItemSupplier(CartItem::new)
            .addAttribute(String.class, a -> a.name("userId").getter(CartItem::getUserId).setter(CartItem::setUserId)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(LINES, a -> a.name("lines").getter(CartItem::getLines).setter(CartItem::setLines))
            .addAttribute(Long.class, a -> a.name("version").getter(CartItem::getVersion).setter(CartItem::setVersion))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(CartItem::getUpdatedAt)
                    .setter(CartItem::setUpdatedAt))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(CartItem::getExpiresAt)
                    .setter(CartItem::setExpiresAt))
            .build();

    private String userId;
    private List<Line> lines;
    private Long version;
    private String updatedAt;
    private Long expiresAt;

    String getUserId() {
        return userId;
    }

    void setUserId(String userId) {
        this.userId = userId;
    }

    List<Line> getLines() {
        return lines;
    }

    void setLines(List<Line> lines) {
        this.lines = lines;
    }

    Long getVersion() {
        return version;
    }

    void setVersion(Long version) {
        this.version = version;
    }

    String getUpdatedAt() {
        return updatedAt;
    }

    void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }

    Long getExpiresAt() {
        return expiresAt;
    }

    void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    /** One line of the cart ({@code lines}), in the order the shopper added them. */
    static final class Line {

        static final TableSchema<Line> SCHEMA = StaticTableSchema.builder(Line.class)
                .newItemSupplier(Line::new)
                .addAttribute(String.class, a -> a.name("productId").getter(Line::getProductId)
                        .setter(Line::setProductId))
                .addAttribute(Integer.class, a -> a.name("quantity").getter(Line::getQuantity)
                        .setter(Line::setQuantity))
                .addAttribute(String.class, a -> a.name("addedAt").getter(Line::getAddedAt).setter(Line::setAddedAt))
                .build();

        private String productId;
        private Integer quantity;
        private String addedAt;

        String getProductId() {
            return productId;
        }

        void setProductId(String productId) {
            this.productId = productId;
        }

        Integer getQuantity() {
            return quantity;
        }

        void setQuantity(Integer quantity) {
            this.quantity = quantity;
        }

        String getAddedAt() {
            return addedAt;
        }

        void setAddedAt(String addedAt) {
            this.addedAt = addedAt;
        }
    }
}
