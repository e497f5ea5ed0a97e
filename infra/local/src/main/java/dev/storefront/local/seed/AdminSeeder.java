package dev.storefront.local.seed;

import dev.storefront.auth.Argon2idPasswordHasher;
import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.account.AdminAccounts;
import dev.storefront.domain.account.User;
import dev.storefront.dynamodb.DynamoDbClientFactory;
import dev.storefront.dynamodb.DynamoDbUserRepository;
import dev.storefront.local.LocalSeeder;
import dev.storefront.local.SeedContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Creates the local admin account through the production code path ({@link AdminAccounts} and the
 * DynamoDB repository), from {@code STOREFRONT_ADMIN_EMAIL} / {@code STOREFRONT_ADMIN_PASSWORD}; a
 * password is generated and shown in the banner when none is given.
 */
public final class AdminSeeder implements LocalSeeder {

    public static final String EMAIL = "STOREFRONT_ADMIN_EMAIL";
    public static final String PASSWORD = "STOREFRONT_ADMIN_PASSWORD";
    static final String DEFAULT_EMAIL = "admin@storefront.local";

    @Override
    public void seed(SeedContext context) {
        String usersTable = context.tableNames().get("UsersTable");
        if (usersTable == null) {
            return;
        }
        String email = nonBlank(context.settings().get(EMAIL), DEFAULT_EMAIL);
        String given = context.settings().get(PASSWORD);
        boolean generated = given == null || given.isBlank();
        String password = generated ? generatePassword() : given;
        SecureRandom random = new SecureRandom();
        AdminAccounts admins = new AdminAccounts(
                new DynamoDbUserRepository(DynamoDbClientFactory.enhanced(context.dynamoDb()), usersTable),
                new Argon2idPasswordHasher(), new IdGenerator(Clock.systemUTC(), random), Clock.systemUTC());
        User admin = admins.ensureAdmin(email, password, "Storefront Admin");
        context.banner("Admin login: " + admin.email() + " / " + password
                + (generated ? "   (generated: set " + PASSWORD + " to choose)" : "   (from " + PASSWORD + ")"));
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
