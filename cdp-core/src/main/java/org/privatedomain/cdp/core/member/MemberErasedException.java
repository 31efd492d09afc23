package org.privatedomain.cdp.core.member;

import org.privatedomain.cdp.core.error.NotFoundException;

/** The member was erased under PIPL: nothing personal is left to show. */
public class MemberErasedException extends NotFoundException {

    public MemberErasedException(long memberId) {
        super("member-erased", "Member " + memberId + " was erased at the person's request.");
    }
}
