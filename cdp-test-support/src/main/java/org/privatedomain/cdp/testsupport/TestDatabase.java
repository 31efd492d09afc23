package org.privatedomain.cdp.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where tests get PostgreSQL; the only place that decides. Import it into a test's context.
 * <ul>
 * <li>With a reachable Docker engine: a throw-away PostgreSQL container from Testcontainers, wired through
 * {@code @ServiceConnection}.</li>
 * <li>Without one: a fresh database on the server at {@code CDP_TEST_DB_URL} (default the local server on
 * 127.0.0.1:5432), created for this context and dropped when it closes. See {@link LocalTestDatabase}.</li>
 * </ul>
 * Never an in-memory stand-in: the product's SQL is PostgreSQL's.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

    /** The image for Docker users; the same major version as {@code docker-compose.yml}. */
    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    @Bean
    @ServiceConnection
    @Conditional(DockerEngine.Reachable.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer(POSTGRES_IMAGE);
    }

    @Bean(destroyMethod = "drop")
    @Conditional(DockerEngine.Unreachable.class)
    LocalTestDatabase localTestDatabase() {
        return LocalTestDatabase.create(System.getenv());
    }
}
