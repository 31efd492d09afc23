package org.privatedomain.cdp.core.access;

/** The one role a brand key has. Each role can do everything the roles below it can. */
public enum BrandRole {
    /** Reads everything; personal data is masked. */
    ANALYST,
    /** Writes data, segments and campaigns. */
    OPERATOR,
    /** Changes settings, manages keys, erases members. */
    ADMIN;

    /** Whether a key with this role may do what {@code required} may do. */
    public boolean includes(BrandRole required) {
        return compareTo(required) >= 0;
    }
}
