package org.privatedomain.cdp.core.event;

/** The private-domain fields (私域场域) of fast-plus.md. */
public enum Field {
    /** Follows the store (店铺关注/粉丝). */
    STORE,
    /** Follows the brand's live room (自播). */
    LIVE,
    /** In a brand group chat (群聊). */
    GROUP_CHAT,
    /** Bound to a dedicated service agent or WeCom contact (专属客服). */
    EXCLUSIVE_CS,
    /** Authorised in the brand mini-program (小程序). */
    MINI_PROGRAM,
    /** Subscribed (订阅). */
    SUBSCRIPTION
}
