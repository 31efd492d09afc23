package org.privatedomain.cdp.core.event;

public enum ConsentPurpose {
    MARKETING,
    ANALYTICS,
    PROFILING
}
