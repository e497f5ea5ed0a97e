package dev.storefront.domain.account;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.auth.AccessTokenIssuer;
import dev.storefront.domain.auth.PasswordHasher;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;
import dev.storefront.domain.error.AuthenticationException;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.RateLimitedException;
import dev.storefront.domain.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Accounts: signup, login with throttling, refresh-token rotation with reuse detection, logout, and
 * admin provisioning (never reachable from a public route).
 */
public final class AccountService {

    /** Lifetime of one refresh token; every refresh issues a new one. */
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

    private static final String BAD_CREDENTIALS = "Email or password is incorrect.";
    private static final String BAD_REFRESH = "The refresh token is invalid, expired or already used.";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final AccessTokenIssuer tokens;
    private final LoginThrottle throttle;
    private final IdGenerator ids;
    private final Clock clock;
    private final SecureRandom random;

    public AccountService(UserRepository users, SessionRepository sessions, PasswordHasher hasher,
            AccessTokenIssuer tokens, LoginThrottle throttle, IdGenerator ids, Clock clock, SecureRandom random) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.ids = ids;
        this.clock = clock;
        this.random = random;
    }

    /** Registers a shopper. */
    public User signup(String email, String password, String name) {
        var errors = AccountRules.checkSignup(email, password, name);
        if (!errors.isEmpty()) {
            throw new ValidationException("validation", "The account details are not valid.", errors);
        }
        User user = new User(ids.next(), AccountRules.normalizeEmail(email), name.strip(), hasher.hash(password),
                EnumSet.of(Role.SHOPPER), now());
        users.create(user);
        return user;
    }

    /** Exchanges email and password for tokens; five failures in the window lock the email out. */
    public TokenPair login(String email, String password) {
        String identifier = AccountRules.normalizeEmail(email);
        Duration locked = throttle.lockedFor(identifier);
        if (!locked.isZero()) {
            throw new RateLimitedException("Too many failed logins for this account. Try again later.", locked);
        }
        Optional<User> user = users.findByEmail(identifier);
        boolean valid;
        if (user.isPresent()) {
            valid = hasher.verify(password, user.get().passwordHash());
        } else {
            hasher.verifyDummy(password);
            valid = false;
        }
        if (!valid) {
            throttle.recordFailure(identifier);
            throw new AuthenticationException("invalid-credentials", BAD_CREDENTIALS);
        }
        throttle.reset(identifier);
        return startSession(user.get());
    }

    /** Rotates a refresh token. Presenting a token twice revokes every token of its family. */
    public TokenPair refresh(String refreshToken) {
        Instant now = now();
        RefreshToken current = sessions.findToken(digest(refreshToken))
                .orElseThrow(() -> new AuthenticationException("invalid-refresh-token", BAD_REFRESH));
        if (current.usedAt() != null) {
            sessions.revokeFamily(current.familyId());
            throw new AuthenticationException("invalid-refresh-token", BAD_REFRESH);
        }
        if (current.expiredAt(now) || sessions.isFamilyRevoked(current.familyId())) {
            throw new AuthenticationException("invalid-refresh-token", BAD_REFRESH);
        }
        User user = users.findById(current.userId())
                .orElseThrow(() -> new AuthenticationException("invalid-refresh-token", BAD_REFRESH));
        String secret = newSecret();
        RefreshToken next = new RefreshToken(digest(secret), current.familyId(), user.userId(),
                now.plus(REFRESH_LIFETIME), null);
        switch (sessions.rotate(current, next, now)) {
            case ROTATED:
                return new TokenPair(tokens.issue(principalOf(user)), AccessTokenIssuer.LIFETIME.toSeconds(), secret);
            case ALREADY_USED:
                sessions.revokeFamily(current.familyId());
                throw new AuthenticationException("invalid-refresh-token", BAD_REFRESH);
            default:
                throw new AuthenticationException("invalid-refresh-token", BAD_REFRESH);
        }
    }

    /** Ends the session of a refresh token: its whole family is revoked. Unknown tokens are ignored. */
    public void logout(String refreshToken) {
        sessions.findToken(digest(refreshToken)).ifPresent(token -> sessions.revokeFamily(token.familyId()));
    }

    /** The account of an authenticated caller. */
    public User me(Principal principal) {
        return users.findById(principal.userId())
                .orElseThrow(() -> new NotFoundException("account-not-found", "The account no longer exists."));
    }

    private TokenPair startSession(User user) {
        Instant now = now();
        String secret = newSecret();
        String familyId = ids.next();
        Instant expiresAt = now.plus(REFRESH_LIFETIME);
        sessions.startFamily(familyId, user.userId(),
                new RefreshToken(digest(secret), familyId, user.userId(), expiresAt, null), expiresAt);
        return new TokenPair(tokens.issue(principalOf(user)), AccessTokenIssuer.LIFETIME.toSeconds(), secret);
    }

    private static Principal principalOf(User user) {
        return new Principal(user.userId(), user.roles());
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Hex SHA-256 of a refresh token: what is stored instead of the token. */
    static String digest(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
