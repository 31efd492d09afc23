package org.privatedomain.cdp.core.member;

public enum Gender {
    FEMALE,
    MALE,
    OTHER
}
