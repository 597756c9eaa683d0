package io.otbroker.keycloak;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Command line for the demo: {@code keycloak} runs Keycloak with the dev realm until interrupted,
 * {@code totp [user]} prints the current one-time codes of the demo users.
 */
public final class DevKeycloak {

    private DevKeycloak() {}

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "keycloak" -> runKeycloak(args);
            case "totp" -> printCodes(args.length > 1 ? args[1] : null);
            default -> {
                System.err.println("usage: keycloak WORKDIR PORT PUBLIC_URL   (secret in OTBROKER_OIDC_CLIENT_SECRET)");
                System.err.println("       totp [USER]");
                System.exit(2);
            }
        }
    }

    private static void runKeycloak(String[] args) throws InterruptedException {
        String secret = System.getenv("OTBROKER_OIDC_CLIENT_SECRET");
        if (args.length != 4 || secret == null || secret.isBlank()) {
            System.err.println("usage: keycloak WORKDIR PORT PUBLIC_URL   (secret in OTBROKER_OIDC_CLIENT_SECRET)");
            System.exit(2);
        }
        KeycloakLauncher keycloak = KeycloakLauncher.startDevRealm(Path.of(args[1]), Integer.parseInt(args[2]), args[3], secret);
        System.out.println("Keycloak ready at " + keycloak.realmUrl());
        Thread.currentThread().join(); // the shutdown hook stops Keycloak on Ctrl-C
    }

    private static void printCodes(String onlyUser) {
        Instant now = Instant.now();
        Map<String, String> secrets = RealmFiles.demoTotpSecrets();
        if (onlyUser != null && !secrets.containsKey(onlyUser)) {
            System.err.println("No demo user " + onlyUser + ". Demo users: " + String.join(", ", secrets.keySet()));
            System.exit(2);
        }
        secrets.forEach((user, secret) -> {
            if (onlyUser == null || onlyUser.equals(user)) {
                System.out.printf("%-8s %s  (%s)%n", user, Totp.code(secret, now), String.join(",", RealmFiles.demoRoles().get(user)));
            }
        });
        System.out.printf("codes change in %d s%n", Totp.secondsLeft(now));
    }
}
