package dev.storefront.domain.account;

import java.util.Optional;

/** Storage of accounts; emails are unique. */
public interface UserRepository {

    /**
     * Stores a new account and claims its email atomically.
     *
     * @throws EmailTakenException when another account holds the email
     */
    void create(User user);

    Optional<User> findById(String userId);

    Optional<User> findByEmail(String normalizedEmail);

    /** Replaces roles and password hash of an existing account. */
    void update(User user);
}
