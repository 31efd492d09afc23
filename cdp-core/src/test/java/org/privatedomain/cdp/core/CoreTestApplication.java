package org.privatedomain.cdp.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The core module on its own, for tests that need its beans and its tables. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CoreTestApplication {
}
