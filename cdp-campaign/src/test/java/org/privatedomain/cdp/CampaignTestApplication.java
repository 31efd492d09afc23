package org.privatedomain.cdp;

import org.privatedomain.cdp.campaign.TestClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Core, segmentation and campaigns together, for tests that need their beans and tables, on a clock the tests
 * move. In the root package, like the application itself, so that every module's entities are found.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CampaignTestApplication {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
