package org.privatedomain.cdp.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.campaign.settings.CampaignSettingsService;
import org.privatedomain.cdp.campaign.settings.WebhookTarget;
import tools.jackson.databind.json.JsonMapper;

/** The webhook adapter never calls the service's own networks unless told it may. */
class WebhookAdapterTests {

    private static final OutgoingMessage MESSAGE =
            new OutgoingMessage(1, 2, 3, 4, "cdp-1-3-4-launch", Channel.WEBHOOK, "Hi", null, 1);

    @Test
    void aUrlOnTheServicesOwnNetworksIsRefusedWithoutACall() {
        for (String url : new String[] {"http://127.0.0.1:9/hook", "http://localhost/hook", "http://10.1.2.3/hook",
                "http://192.168.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook"}) {
            Outcome outcome = adapter(url, false).send(MESSAGE);

            assertThat(outcome).as(url).isInstanceOf(Outcome.Refused.class);
            assertThat(((Outcome.Refused) outcome).error()).contains("does not call");
        }
    }

    @Test
    void privateAddressesAreCalledWhenAllowed() {
        // Nothing listens on port 9: the call is made and fails, to be retried.
        assertThat(adapter("http://127.0.0.1:9/hook", true).send(MESSAGE)).isInstanceOf(Outcome.Retry.class);
    }

    private static WebhookAdapter adapter(String url, boolean privateAddresses) {
        CampaignSettingsService settings = mock(CampaignSettingsService.class);
        when(settings.webhookTarget(1)).thenReturn(Optional.of(new WebhookTarget(url, "secret")));
        DeliveryProperties properties = new DeliveryProperties(false, 10, Duration.ofMinutes(1), 3,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1),
                privateAddresses);
        return new WebhookAdapter(settings, JsonMapper.builder().build(), properties);
    }
}
