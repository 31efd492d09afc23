package org.privatedomain.cdp.core.brand;

/** What RFM's F counts: qualifying orders, or distinct local purchase days. */
public enum FrequencyBasis {
    ORDERS,
    DAYS
}
