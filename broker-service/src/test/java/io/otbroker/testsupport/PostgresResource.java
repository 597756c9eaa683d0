package io.otbroker.testsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs the {@code @QuarkusTest}s on a real PostgreSQL when the test profile is {@value #PROFILE}
 * ({@code -Dquarkus.test.profile=pgtest}, the second Surefire execution); under the plain test profile
 * it does nothing and the tests use the embedded H2. The server starts once per test JVM and is stopped
 * and deleted when the JVM exits.
 */
@QuarkusTestResource(PostgresResource.class)
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String PROFILE = "pgtest";
    private static PostgresLauncher postgres;

    /** Whether this test JVM runs on PostgreSQL. */
    public static boolean active() {
        return PROFILE.equals(System.getProperty("quarkus.test.profile"));
    }

    private static synchronized PostgresLauncher postgres() {
        if (postgres == null) {
            postgres = PostgresLauncher.start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "postgres-stop"));
        }
        return postgres;
    }

    @Override
    public Map<String, String> start() {
        if (!active()) {
            return Map.of();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres().jdbcUrl(),
                "quarkus.datasource.username", PostgresLauncher.USER,
                "quarkus.datasource.password", postgres().password());
    }

    @Override
    public void stop() {
        // PostgreSQL lives for the whole test JVM (several Quarkus apps may use it); a shutdown hook stops it.
    }
}
