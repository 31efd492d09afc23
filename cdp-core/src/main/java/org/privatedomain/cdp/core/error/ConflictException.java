package org.privatedomain.cdp.core.error;

/** The request is well formed but clashes with the current state (a taken code, a forbidden transition). */
public non-sealed class ConflictException extends CdpException {

    public ConflictException(String problem, String detail) {
        super(problem, detail);
    }
}
