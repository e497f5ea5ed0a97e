package dev.storefront.dynamodb;

import dev.storefront.domain.account.EmailTakenException;
import dev.storefront.domain.account.User;
import dev.storefront.domain.account.UserRepository;
import dev.storefront.domain.auth.Role;
import dev.storefront.domain.error.ConflictException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Accounts in the users table: the account item and an email claim item, written together in one
 * transaction so an email can never belong to two accounts.
 */
public final class DynamoDbUserRepository implements UserRepository {

    private static final Expression NOT_EXISTS = Expression.builder().expression("attribute_not_exists(pk)").build();
    private static final Expression EXISTS = Expression.builder().expression("attribute_exists(pk)").build();

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<UserItem> users;
    private final DynamoDbTable<EmailItem> emails;

    public DynamoDbUserRepository(DynamoDbEnhancedClient client, String tableName) {
        this.client = client;
        this.users = client.table(tableName, UserItem.SCHEMA);
        this.emails = client.table(tableName, EmailItem.SCHEMA);
    }

    @Override
    public void create(User user) {
        EmailItem claim = new EmailItem();
        claim.setPk(EmailItem.key(user.email()));
        claim.setUserId(user.userId());
        try {
            client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(users, TransactPutItemEnhancedRequest.builder(UserItem.class)
                            .item(toItem(user)).conditionExpression(NOT_EXISTS).build())
                    .addPutItem(emails, TransactPutItemEnhancedRequest.builder(EmailItem.class)
                            .item(claim).conditionExpression(NOT_EXISTS).build())
                    .build());
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 1)) {
                throw new EmailTakenException();
            }
            if (Transactions.conflicted(e)) {
                throw new ConflictException("concurrent-signup",
                        "Another signup for this email is in progress. Try again.");
            }
            throw e;
        }
    }

    @Override
    public Optional<User> findById(String userId) {
        if (!Keys.isStorable(userId)) {
            return Optional.empty();
        }
        UserItem item = users.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(UserItem.key(userId)).build()).consistentRead(true).build());
        return Optional.ofNullable(item).map(DynamoDbUserRepository::toUser);
    }

    @Override
    public Optional<User> findByEmail(String normalizedEmail) {
        if (!Keys.isStorable(normalizedEmail)) {
            return Optional.empty(); // longer than any address signup accepts: no account has it
        }
        EmailItem claim = emails.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(EmailItem.key(normalizedEmail)).build()).consistentRead(true)
                .build());
        return claim == null ? Optional.empty() : findById(claim.getUserId());
    }

    @Override
    public void update(User user) {
        try {
            users.putItem(PutItemEnhancedRequest.builder(UserItem.class).item(toItem(user))
                    .conditionExpression(EXISTS).build());
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("account to update does not exist", e);
        }
    }

    private static UserItem toItem(User user) {
        UserItem item = new UserItem();
        item.setPk(UserItem.key(user.userId()));
        item.setUserId(user.userId());
        item.setEmail(user.email());
        item.setName(user.name());
        item.setPasswordHash(user.passwordHash());
        item.setRoles(user.roles().stream().map(Role::wireName).sorted().toList());
        item.setCreatedAt(user.createdAt().toString());
        return item;
    }

    private static User toUser(UserItem item) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> names = item.getRoles() == null ? List.of() : item.getRoles();
        names.forEach(name -> Role.fromWireName(name).ifPresent(roles::add));
        return new User(item.getUserId(), item.getEmail(), item.getName(), item.getPasswordHash(), roles,
                Instant.parse(item.getCreatedAt()));
    }
}
