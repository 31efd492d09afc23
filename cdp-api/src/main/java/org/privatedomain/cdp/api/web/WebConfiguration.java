package org.privatedomain.cdp.api.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * The API reads and writes JSON only. The YAML converter (there because the OpenAPI tooling brings a YAML
     * library) would accept request bodies without the JSON settings, unknown fields included.
     */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.configureMessageConvertersList(list -> list.removeIf(converter -> converter
                .getSupportedMediaTypes().stream().anyMatch(type -> type.getSubtype().contains("yaml"))));
    }

    /** Runs before everything else, so an oversized body is refused before any work is done for it. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(HttpProperties properties,
            ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.maxBodySize().toBytes(),
                        properties.maxBulkBodySize().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
