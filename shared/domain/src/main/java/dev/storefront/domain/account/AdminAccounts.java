package dev.storefront.domain.account;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.auth.PasswordHasher;
import dev.storefront.domain.auth.Role;
import dev.storefront.domain.error.ValidationException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Provisioning of administrators. Deliberately separate from {@link AccountService}: no HTTP route
 * reaches it; the local runner and the operator's command line call it directly.
 */
public final class AdminAccounts {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;

    public AdminAccounts(UserRepository users, PasswordHasher hasher, IdGenerator ids, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Creates an administrator (who may also shop), or makes an existing account one and sets its
     * password, so that re-running with the same email converges.
     */
    public User ensureAdmin(String email, String password, String name) {
        var errors = AccountRules.checkSignup(email, password, name);
        if (!errors.isEmpty()) {
            throw new ValidationException("validation", "The admin account details are not valid.", errors);
        }
        Set<Role> roles = EnumSet.of(Role.ADMIN, Role.SHOPPER);
        String normalized = AccountRules.normalizeEmail(email);
        Optional<User> existing = users.findByEmail(normalized);
        if (existing.isPresent()) {
            User updated = existing.get().withRoles(roles).withPasswordHash(hasher.hash(password));
            users.update(updated);
            return updated;
        }
        User admin = new User(ids.next(), normalized, name.strip(), hasher.hash(password), roles,
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        users.create(admin);
        return admin;
    }
}
