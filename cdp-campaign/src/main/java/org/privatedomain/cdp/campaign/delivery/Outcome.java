package org.privatedomain.cdp.campaign.delivery;

/** What an adapter knows after trying to send. */
sealed interface Outcome {

    /** The channel took the message. */
    record Sent() implements Outcome {
    }

    /**
     * Not known to be taken: a timeout, a dropped connection, a 5xx, 408 or 429. Tried again later, so the channel
     * may see the message twice when the first attempt did arrive.
     */
    record Retry(String error) implements Outcome {
    }

    /** The channel refused it for good (a 4xx other than 408 and 429). */
    record Refused(String error) implements Outcome {
    }
}
