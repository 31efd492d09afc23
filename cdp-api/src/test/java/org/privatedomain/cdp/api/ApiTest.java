package org.privatedomain.cdp.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a random port over a real PostgreSQL (see {@link TestDatabase}), driven over HTTP with
 * {@link ApiClient}. All classes share one context, so each test makes its own brands.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabase.class)
@ActiveProfiles("test")
public @interface ApiTest {

    String PLATFORM_KEY = "api-tests-platform-admin-key-0123456789";
}
