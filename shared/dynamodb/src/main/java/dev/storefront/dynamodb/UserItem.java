package dev.storefront.dynamodb;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** Persistence shape of an account in the users table ({@code pk = USER#<userId>}). */
final class UserItem {

    static final TableSchema<UserItem> SCHEMA = StaticTableSchema.builder(UserItem.class)
            .newItemSupplier(UserItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(UserItem::getPk).setter(UserItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("userId").getter(UserItem::getUserId).setter(UserItem::setUserId))
            .addAttribute(String.class, a -> a.name("email").getter(UserItem::getEmail).setter(UserItem::setEmail))
            .addAttribute(String.class, a -> a.name("name").getter(UserItem::getName).setter(UserItem::setName))
            .addAttribute(String.class, a -> a.name("passwordHash").getter(UserItem::getPasswordHash)
                    .setter(UserItem::setPasswordHash))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("roles").getter(UserItem::getRoles)
                    .setter(UserItem::setRoles))
            .addAttribute(String.class, a -> a.name("createdAt").getter(UserItem::getCreatedAt)
                    .setter(UserItem::setCreatedAt))
            .build();

    private String pk;
    private String userId;
    private String email;
    private String name;
    private String passwordHash;
    private List<String> roles;
    private String createdAt;

    static String key(String userId) {
        return "USER#" + userId;
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

    String getEmail() {
        return email;
    }

    void setEmail(String email) {
        this.email = email;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    List<String> getRoles() {
        return roles;
    }

    void setRoles(List<String> roles) {
        this.roles = roles;
    }

    String getCreatedAt() {
        return createdAt;
    }

    void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }
}
