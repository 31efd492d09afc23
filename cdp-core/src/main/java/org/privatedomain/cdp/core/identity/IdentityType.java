package org.privatedomain.cdp.core.identity;

/** The kinds of id a person can be known by. Personal ones are stored encrypted and masked for analysts. */
public enum IdentityType {
    PHONE(true),
    EMAIL(true),
    WECHAT_UNIONID(false),
    WECHAT_OPENID(false),
    WECOM_EXTERNAL_USERID(false),
    TMALL_OUID(false),
    MEMBER_NO(false),
    /** A device or cookie id of a visitor not yet known: weak by default. */
    ANONYMOUS(false);

    private final boolean personal;

    IdentityType(boolean personal) {
        this.personal = personal;
    }

    /** Personal data under PIPL: encrypted at rest, found by keyed hash, masked for analysts. */
    public boolean personal() {
        return personal;
    }
}
