package org.privatedomain.cdp.campaign.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How messages go out.
 *
 * @param polling        whether the schedulers run (launch due campaigns, evaluate triggers, dispatch); tests turn
 *                       them off and call the services themselves
 * @param batchSize      messages claimed per round
 * @param lease          how long a claimed message is reserved for its dispatcher; must exceed the adapters'
 *                       timeout, or a slow send may be claimed and sent again by another round
 * @param maxAttempts    attempts before a message is FAILED
 * @param backoff        the wait before the first retry, doubled after each further attempt
 * @param webhookTimeout connect and answer timeout of the webhook adapter
 * @param dispatchInterval   the pause between dispatcher runs
 * @param triggerInterval    the pause between launching due campaigns and evaluating triggers
 * @param webhookPrivateAddresses whether webhooks may go to loopback, private or link-local addresses: off, so
 *                       that a brand cannot make the service call its own network (tests and local setups turn it on)
 */
@ConfigurationProperties("cdp.campaign")
@Validated
public record DeliveryProperties(
        @DefaultValue("true") boolean polling,
        @DefaultValue("200") @Min(1) @Max(10000) int batchSize,
        @DefaultValue("2m") @NotNull Duration lease,
        @DefaultValue("6") @Min(1) @Max(50) int maxAttempts,
        @DefaultValue("30s") @NotNull Duration backoff,
        @DefaultValue("10s") @NotNull Duration webhookTimeout,
        @DefaultValue("5s") @NotNull Duration dispatchInterval,
        @DefaultValue("1m") @NotNull Duration triggerInterval,
        @DefaultValue("false") boolean webhookPrivateAddresses) {
}
