package org.privatedomain.cdp.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a random port over a real PostgreSQL (see {@link TestDatabase}), driven over HTTP with
 * an injected {@link ApiClient}. All classes share one context, so each test makes its own brands.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestDatabase.class, ApiTest.Client.class})
@ActiveProfiles("test")
public @interface ApiTest {

    String PLATFORM_KEY = "api-tests-platform-admin-key-0123456789";

    /** The {@link ApiClient}, made on first use: only then does the server know its port. */
    @TestConfiguration(proxyBeanMethods = false)
    class Client {

        @Bean
        @Lazy
        ApiClient apiClient(Environment environment) {
            return new ApiClient(environment.getRequiredProperty("local.server.port", Integer.class));
        }
    }
}
