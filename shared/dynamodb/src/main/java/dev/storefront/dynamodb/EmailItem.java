package dev.storefront.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** Uniqueness claim of an email in the users table ({@code pk = EMAIL#<normalized email>}). */
final class EmailItem {

    static final TableSchema<EmailItem> SCHEMA = StaticTableSchema.builder(EmailItem.class)
            .newItemSupplier(EmailItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(EmailItem::getPk).setter(EmailItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("userId").getter(EmailItem::getUserId)
                    .setter(EmailItem::setUserId))
            .build();

    private String pk;
    private String userId;

    static String key(String normalizedEmail) {
        return "EMAIL#" + normalizedEmail;
    }

    String getPk() {
        return pk;
    }

    void setPk(String pk) {
        this.pk = pk;
    }

    String getUserId() {
        return userId;
    }

    void setUserId(String userId) {
        this.userId = userId;
    }
}
