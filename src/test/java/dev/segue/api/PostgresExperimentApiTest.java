package dev.segue.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** ExperimentApiTest's tests, on PostgreSQL instead of the embedded H2 (skipped when no test PostgreSQL is configured). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@EnabledIfEnvironmentVariable(
        named = "SEGUE_TEST_POSTGRES_URL",
        matches = ".+",
        disabledReason = "no PostgreSQL for tests: set SEGUE_TEST_POSTGRES_URL (.ci/run starts one)")
class PostgresExperimentApiTest extends ExperimentApiTest {}
