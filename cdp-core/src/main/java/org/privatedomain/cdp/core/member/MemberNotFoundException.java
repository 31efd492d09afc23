package org.privatedomain.cdp.core.member;

import org.privatedomain.cdp.core.error.NotFoundException;

public class MemberNotFoundException extends NotFoundException {

    public MemberNotFoundException(String detail) {
        super("member-not-found", detail);
    }
}
