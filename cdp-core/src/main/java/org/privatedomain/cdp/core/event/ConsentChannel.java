package org.privatedomain.cdp.core.event;

/** Where consent applies; {@code ALL} applies to every channel. */
public enum ConsentChannel {
    SMS,
    WECHAT,
    WECOM,
    EMAIL,
    APP_PUSH,
    ALL
}
