package dev.storefront.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;
import dev.storefront.domain.error.AuthenticationException;
import dev.storefront.domain.error.RateLimitedException;
import dev.storefront.domain.error.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    private static final String PASSWORD = "correct horse battery";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private InMemoryAccounts.Users users;
    private InMemoryAccounts.Sessions sessions;
    private InMemoryAccounts.PlainHasher hasher;
    private InMemoryAccounts.Throttle throttle;
    private AccountService service;

    @BeforeEach
    void setUp() {
        users = new InMemoryAccounts.Users();
        sessions = new InMemoryAccounts.Sessions();
        hasher = new InMemoryAccounts.PlainHasher();
        throttle = new InMemoryAccounts.Throttle();
        service = new AccountService(users, sessions, hasher, new InMemoryAccounts.Issuer(), throttle,
                new IdGenerator(clock, new SecureRandom()), clock, new SecureRandom());
    }

    @Test
    void signup_shouldNormalizeEmail_andStoreOnlyTheHash() {
        User user = service.signup("  Ada@Example.COM ", PASSWORD, " Ada Lovelace ");

        assertThat(user.email()).isEqualTo("ada@example.com");
        assertThat(user.name()).isEqualTo("Ada Lovelace");
        assertThat(user.roles()).containsExactly(Role.SHOPPER);
        assertThat(users.findByEmail("ada@example.com").orElseThrow().passwordHash()).isNotEqualTo(PASSWORD);
    }

    @Test
    void signup_shouldReject_whenEmailTakenInAnyCase() {
        service.signup("ada@example.com", PASSWORD, "Ada");

        assertThatThrownBy(() -> service.signup("ADA@example.com", PASSWORD, "Other Ada"))
                .isInstanceOf(EmailTakenException.class);
    }

    @Test
    void signup_shouldNameEveryInvalidField() {
        assertThatThrownBy(() -> service.signup("not-an-email", "short", "  "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field())
                        .containsExactly("email", "password", "name"));
    }

    @Test
    void signup_shouldCountPasswordLengthInCharacters_notBytes() {
        String twelveEmoji = "\uD83D\uDE00".repeat(12);

        assertThat(service.signup("emoji@example.com", twelveEmoji, "Emoji").email()).isEqualTo("emoji@example.com");
        assertThatThrownBy(() -> service.signup("long@example.com", "x".repeat(129), "Long"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void login_shouldGiveOneMessage_forUnknownEmailAndWrongPassword() {
        service.signup("ada@example.com", PASSWORD, "Ada");

        Throwable unknown = catchFailure(() -> service.login("nobody@example.com", PASSWORD));
        Throwable wrong = catchFailure(() -> service.login("ada@example.com", "wrong password!"));

        assertThat(unknown).isInstanceOf(AuthenticationException.class).hasMessage(wrong.getMessage());
        assertThat(hasher.dummyVerifications).isEqualTo(1);
    }

    @Test
    void login_shouldLockTheEmail_afterFiveFailures() {
        service.signup("ada@example.com", PASSWORD, "Ada");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> service.login("ada@example.com", "wrong password!"))
                    .isInstanceOf(AuthenticationException.class);
        }

        assertThatThrownBy(() -> service.login("ADA@example.com", PASSWORD))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfterSeconds()).isPositive());
    }

    @Test
    void login_shouldResetTheFailureCount_onSuccess() {
        service.signup("ada@example.com", PASSWORD, "Ada");
        catchFailure(() -> service.login("ada@example.com", "wrong password!"));

        service.login("ada@example.com", PASSWORD);

        assertThat(throttle.failures).doesNotContainKey("ada@example.com");
    }

    @Test
    void refresh_shouldRotate_andRefuseTheOldToken() {
        service.signup("ada@example.com", PASSWORD, "Ada");
        TokenPair first = service.login("ada@example.com", PASSWORD);

        TokenPair second = service.refresh(first.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.expiresInSeconds()).isEqualTo(900);
        assertThatThrownBy(() -> service.refresh(first.refreshToken())).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void refresh_shouldRevokeTheWholeFamily_whenATokenIsReused() {
        service.signup("ada@example.com", PASSWORD, "Ada");
        TokenPair first = service.login("ada@example.com", PASSWORD);
        TokenPair second = service.refresh(first.refreshToken());

        catchFailure(() -> service.refresh(first.refreshToken()));

        assertThatThrownBy(() -> service.refresh(second.refreshToken())).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void refresh_shouldRefuse_whenTheTokenExpired() {
        service.signup("ada@example.com", PASSWORD, "Ada");
        TokenPair pair = service.login("ada@example.com", PASSWORD);

        clock.advance(AccountService.REFRESH_LIFETIME.plusSeconds(1));

        assertThatThrownBy(() -> service.refresh(pair.refreshToken())).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void logout_shouldEndTheSession_andIgnoreUnknownTokens() {
        service.signup("ada@example.com", PASSWORD, "Ada");
        TokenPair pair = service.login("ada@example.com", PASSWORD);

        service.logout(pair.refreshToken());
        service.logout("never-issued");

        assertThatThrownBy(() -> service.refresh(pair.refreshToken())).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void ensureAdmin_shouldCreateOnce_andPromoteAndResetPasswordLater() {
        AdminAccounts admins = new AdminAccounts(users, hasher, new IdGenerator(clock, new SecureRandom()), clock);

        User admin = admins.ensureAdmin("Root@Example.com", PASSWORD, "Admin");
        User again = admins.ensureAdmin("root@example.com", "another long password", "Admin");

        assertThat(again.userId()).isEqualTo(admin.userId());
        assertThat(again.roles()).isEqualTo(Set.of(Role.ADMIN, Role.SHOPPER));
        assertThat(service.login("root@example.com", "another long password").accessToken()).contains("ADMIN");
    }

    @Test
    void me_shouldReturnTheCallersAccount() {
        User user = service.signup("ada@example.com", PASSWORD, "Ada");

        assertThat(service.me(new Principal(user.userId(), Set.of(Role.SHOPPER))).email())
                .isEqualTo("ada@example.com");
    }

    private static Throwable catchFailure(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
