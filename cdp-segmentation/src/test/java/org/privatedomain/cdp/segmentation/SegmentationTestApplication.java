package org.privatedomain.cdp.segmentation;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The segmentation module with core (its beans, entities and tables), for tests. */
@SpringBootApplication(scanBasePackages = "org.privatedomain.cdp")
@AutoConfigurationPackage(basePackages = "org.privatedomain.cdp")
@ConfigurationPropertiesScan("org.privatedomain.cdp")
public class SegmentationTestApplication {
}
