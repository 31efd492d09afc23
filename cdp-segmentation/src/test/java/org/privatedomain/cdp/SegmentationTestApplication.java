package org.privatedomain.cdp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Core, segmentation and whatever module's tests use it (metrics), for tests that need their beans and tables.
 * In the root package, like the application itself, so that the JPA entities and repositories of core are found.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SegmentationTestApplication {
}
