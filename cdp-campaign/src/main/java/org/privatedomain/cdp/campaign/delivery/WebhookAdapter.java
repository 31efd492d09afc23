package org.privatedomain.cdp.campaign.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.privatedomain.cdp.campaign.settings.CampaignSettingsService;
import org.privatedomain.cdp.campaign.settings.WebhookTarget;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference adapter: POSTs each message as JSON to the brand's webhook URL, signed with the brand's secret.
 * Headers: {@code Idempotency-Key} (the message's key, the same on every attempt) and
 * {@code X-CDP-Signature: sha256=<lowercase hex of HMAC-SHA256(secret, body bytes)>}. The body is the same on
 * every attempt, so a receiver can tell a retry by its key. A 2xx answer is sent; 408, 429, 5xx, a timeout or a
 * dropped connection is retried; any other answer is a refusal.
 */
@Component
class WebhookAdapter implements ChannelAdapter {

    static final String SIGNATURE_HEADER = "X-CDP-Signature";

    private final CampaignSettingsService settings;
    private final JsonMapper json;
    private final HttpClient http;
    private final DeliveryProperties properties;

    WebhookAdapter(CampaignSettingsService settings, JsonMapper json, DeliveryProperties properties) {
        this.settings = settings;
        this.json = json;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.WEBHOOK);
    }

    @Override
    public Outcome send(OutgoingMessage message) {
        Optional<WebhookTarget> target = settings.webhookTarget(message.brandId());
        if (target.isEmpty()) {
            return new Outcome.Retry("The brand has no webhook URL and secret in its campaign settings.");
        }
        URI url = URI.create(target.get().url());
        if (!properties.webhookPrivateAddresses() && reachesPrivateNetwork(url)) {
            return new Outcome.Refused("The webhook URL " + url.getHost() + " resolves to a loopback, private or "
                    + "link-local address, which the service does not call.");
        }
        byte[] body = body(message);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.idempotencyKey())
                .header(SIGNATURE_HEADER, "sha256=" + sign(target.get().secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome.Sent();
            }
            String error = "The webhook answered " + status + ".";
            return status == 408 || status == 429 || status >= 500 ? new Outcome.Retry(error)
                    : new Outcome.Refused(error);
        } catch (IOException e) {
            return new Outcome.Retry("The webhook call failed, outcome unknown: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Retry("Interrupted while calling the webhook, outcome unknown.");
        }
    }

    /**
     * Whether the host is, or resolves to, an address of the service's own networks. Checked before each call; a
     * name that cannot be resolved is left to the call itself to fail.
     */
    private static boolean reachesPrivateNetwork(URI url) {
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException unknown) {
            return false;
        }
    }

    private byte[] body(OutgoingMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotencyKey", message.idempotencyKey());
        body.put("campaignId", message.campaignId());
        body.put("memberId", message.memberId());
        body.put("channel", message.channel().name());
        body.put("content", message.content());
        body.put("coupon", message.coupon());
        return json.writeValueAsBytes(body);
    }

    /** Lowercase hex of HMAC-SHA256 over the body with the secret's UTF-8 bytes as key. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
