package dev.storefront.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Persistence shape of the sessions table: refresh tokens ({@code pk = TOKEN#<sha256>}) and token
 * families ({@code pk = FAMILY#<familyId>}). {@code expiresAt} is epoch seconds, the table's TTL.
 */
final class SessionItem {

    static final TableSchema<SessionItem> SCHEMA = StaticTableSchema.builder(SessionItem.class)
            .newItemSupplier(SessionItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(SessionItem::getPk).setter(SessionItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("familyId").getter(SessionItem::getFamilyId)
                    .setter(SessionItem::setFamilyId))
            .addAttribute(String.class, a -> a.name("userId").getter(SessionItem::getUserId)
                    .setter(SessionItem::setUserId))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(SessionItem::getExpiresAt)
                    .setter(SessionItem::setExpiresAt))
            .addAttribute(Long.class, a -> a.name("usedAt").getter(SessionItem::getUsedAt)
                    .setter(SessionItem::setUsedAt))
            .addAttribute(Boolean.class, a -> a.name("revoked").getter(SessionItem::getRevoked)
                    .setter(SessionItem::setRevoked))
            .build();

    private String pk;
    private String familyId;
    private String userId;
    private Long expiresAt;
    private Long usedAt;
    private Boolean revoked;

    static String tokenKey(String tokenHash) {
        return "TOKEN#" + tokenHash;
    }

    static String familyKey(String familyId) {
        return "FAMILY#" + familyId;
    }

    String getPk() {
        return pk;
    }

    void setPk(String pk) {
        this.pk = pk;
    }

    String getFamilyId() {
        return familyId;
    }

    void setFamilyId(String familyId) {
        this.familyId = familyId;
    }

    String getUserId() {
        return userId;
    }

    void setUserId(String userId) {
        this.userId = userId;
    }

    Long getExpiresAt() {
        return expiresAt;
    }

    void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    Long getUsedAt() {
        return usedAt;
    }

    void setUsedAt(Long usedAt) {
        this.usedAt = usedAt;
    }

    Boolean getRevoked() {
        return revoked;
    }

    void setRevoked(Boolean revoked) {
        this.revoked = revoked;
    }
}
