package dev.segue.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The application on the test PostgreSQL (SEGUE_TEST_POSTGRES_URL; tools/postgres/start-test-db, run by .ci/run). */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.active", "false",
                "quarkus.datasource.postgresql.active", "true",
                "quarkus.datasource.postgresql.jdbc.url", System.getenv().getOrDefault("SEGUE_TEST_POSTGRES_URL", ""),
                "quarkus.datasource.postgresql.username",
                        System.getenv().getOrDefault("SEGUE_TEST_POSTGRES_USER", "segue"),
                "quarkus.datasource.postgresql.password",
                        System.getenv().getOrDefault("SEGUE_TEST_POSTGRES_PASSWORD", "segue"));
    }
}
