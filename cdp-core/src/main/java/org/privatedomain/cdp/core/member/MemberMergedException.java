package org.privatedomain.cdp.core.member;

import org.privatedomain.cdp.core.error.MovedException;

/** The member id was retired by a merge; the person lives on under {@code survivorId}. */
public class MemberMergedException extends MovedException {

    public MemberMergedException(long memberId, long survivorId) {
        super("member-merged", "Member " + memberId + " was merged into member " + survivorId + ".",
                Long.toString(memberId), Long.toString(survivorId));
    }
}
