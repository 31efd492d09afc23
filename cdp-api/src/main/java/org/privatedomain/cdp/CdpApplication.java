package org.privatedomain.cdp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The CDP service: every module's beans, found from the one root package, behind the HTTP API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CdpApplication {

    public static void main(String[] args) {
        SpringApplication.run(CdpApplication.class, args);
    }
}
