package dev.storefront.dynamodb;

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** Persistence shape of an idempotency record; {@code expiresAt} (epoch seconds) is the table's TTL. */
final class IdempotencyItem {

    static final TableSchema<IdempotencyItem> SCHEMA = StaticTableSchema.builder(IdempotencyItem.class)
            .newItemSupplier(IdempotencyItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(IdempotencyItem::getPk)
                    .setter(IdempotencyItem::setPk).tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("requestHash").getter(IdempotencyItem::getRequestHash)
                    .setter(IdempotencyItem::setRequestHash))
            .addAttribute(Integer.class, a -> a.name("responseStatus").getter(IdempotencyItem::getResponseStatus)
                    .setter(IdempotencyItem::setResponseStatus))
            .addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name("responseHeaders")
                    .getter(IdempotencyItem::getResponseHeaders).setter(IdempotencyItem::setResponseHeaders))
            .addAttribute(String.class, a -> a.name("responseBody").getter(IdempotencyItem::getResponseBody)
                    .setter(IdempotencyItem::setResponseBody))
            .addAttribute(Long.class, a -> a.name("lockExpiresAt").getter(IdempotencyItem::getLockExpiresAt)
                    .setter(IdempotencyItem::setLockExpiresAt))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(IdempotencyItem::getExpiresAt)
                    .setter(IdempotencyItem::setExpiresAt))
            .build();

    private String pk;
    private String requestHash;
    private Integer responseStatus;
    private Map<String, String> responseHeaders;
    private String responseBody;
    private Long lockExpiresAt;
    private Long expiresAt;

    String getPk() {
        return pk;
    }

    void setPk(String pk) {
        this.pk = pk;
    }

    String getRequestHash() {
        return requestHash;
    }

    void setRequestHash(String requestHash) {
        this.requestHash = requestHash;
    }

    Integer getResponseStatus() {
        return responseStatus;
    }

    void setResponseStatus(Integer responseStatus) {
        this.responseStatus = responseStatus;
    }

    Map<String, String> getResponseHeaders() {
        return responseHeaders;
    }

    void setResponseHeaders(Map<String, String> responseHeaders) {
        this.responseHeaders = responseHeaders;
    }

    String getResponseBody() {
        return responseBody;
    }

    void setResponseBody(String responseBody) {
        this.responseBody = responseBody;
    }

    Long getLockExpiresAt() {
        return lockExpiresAt;
    }

    void setLockExpiresAt(Long lockExpiresAt) {
        this.lockExpiresAt = lockExpiresAt;
    }

    Long getExpiresAt() {
        return expiresAt;
    }

    void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
