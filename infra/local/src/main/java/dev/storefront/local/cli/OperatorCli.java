package dev.storefront.local.cli;

import com.nimbusds.jose.jwk.ECKey;
import dev.storefront.auth.Argon2idPasswordHasher;
import dev.storefront.auth.SigningKeys;
import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.account.AdminAccounts;
import dev.storefront.domain.account.User;
import dev.storefront.domain.error.ValidationException;
import dev.storefront.dynamodb.DynamoDbClientFactory;
import dev.storefront.dynamodb.DynamoDbUserRepository;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Operator commands that must never be HTTP routes: {@code keygen} makes the JWT signing key pair for
 * a deployment, {@code admin create} creates or promotes an administrator directly in the users table
 * with the operator's own AWS credentials (default provider chain: profile, SSO cache, env...).
 */
public final class OperatorCli {

    private final PrintStream out;
    private final PrintStream err;

    OperatorCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new OperatorCli(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length >= 1 && args[0].equals("keygen")) {
            return keygen();
        }
        if (args.length >= 2 && args[0].equals("admin") && args[1].equals("create")) {
            return createAdmin(options(args, 2));
        }
        usage();
        return 2;
    }

    private int keygen() {
        ECKey key = SigningKeys.generate();
        out.println("{\"privateJwk\":" + key.toJSONString() + ",\"publicJwks\":" + SigningKeys.publicJwkSetJson(key)
                + "}");
        return 0;
    }

    private int createAdmin(Map<String, String> options) {
        String email = options.get("email");
        String table = options.get("table");
        if (email == null || table == null) {
            err.println("admin create needs --email and --table");
            usage();
            return 2;
        }
        String password = readPassword();
        if (password == null) {
            err.println("No password: set STOREFRONT_ADMIN_PASSWORD or type it at the prompt.");
            return 2;
        }
        var builder = DynamoDbClient.builder()
                .httpClient(DynamoDbClientFactory.httpClient())
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        if (options.containsKey("region")) {
            builder.region(Region.of(options.get("region")));
        }
        if (options.containsKey("endpoint")) {
            builder.endpointOverride(URI.create(options.get("endpoint")));
        }
        try (DynamoDbClient dynamoDb = builder.build()) {
            AdminAccounts admins = new AdminAccounts(
                    new DynamoDbUserRepository(DynamoDbClientFactory.enhanced(dynamoDb), table),
                    new Argon2idPasswordHasher(), new IdGenerator(Clock.systemUTC(), new SecureRandom()),
                    Clock.systemUTC());
            User admin = admins.ensureAdmin(email, password, options.getOrDefault("name", "Storefront Admin"));
            out.println("Admin ready: " + admin.email() + " (userId " + admin.userId() + ")");
            return 0;
        } catch (ValidationException e) {
            e.errors().forEach(error -> err.println(error.field() + " " + error.message()));
            return 2;
        }
    }

    private static String readPassword() {
        String fromEnv = System.getenv("STOREFRONT_ADMIN_PASSWORD");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Admin password (12-128 characters): ");
            return typed == null ? null : new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null || line.isEmpty() ? null : line;
        } catch (IOException e) {
            return null;
        }
    }

    private Map<String, String> options(String[] args, int from) {
        Map<String, String> options = new HashMap<>();
        for (int i = from; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private void usage() {
        err.println("""
                Usage:
                  ./storefront keygen
                      Prints {"privateJwk": ..., "publicJwks": ...}: a new ES256 (P-256) signing key pair.
                  ./storefront admin create --email EMAIL --table USERS_TABLE [--name NAME] [--region R] [--endpoint URL]
                      Creates (or promotes, and resets the password of) an administrator in the users table
                      with your AWS credentials. Password: STOREFRONT_ADMIN_PASSWORD, the prompt, or stdin.""");
    }
}
