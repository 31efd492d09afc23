package org.privatedomain.cdp.campaign.settings;

/** Where a brand's WEBHOOK messages go and the secret that signs them, for the delivery adapter only. */
public record WebhookTarget(String url, String secret) {

    @Override
    public String toString() {
        return "WebhookTarget[url=" + url + ", secret=<hidden>]";
    }
}
