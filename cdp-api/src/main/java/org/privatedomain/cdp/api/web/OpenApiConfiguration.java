package org.privatedomain.cdp.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";

    @Bean
    OpenAPI cdpOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Private-domain CDP")
                        .version("v1")
                        .description("Member profiles, ingestion, segmentation, campaigns and FAST+ metrics for "
                                + "private-domain (私域) operations. Every error is application/problem+json "
                                + "(RFC 9457) with a stable type urn:cdp:problem:<slug>.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("The platform key (CDP_ADMIN_API_KEY) or a brand key (cdp_...).")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
