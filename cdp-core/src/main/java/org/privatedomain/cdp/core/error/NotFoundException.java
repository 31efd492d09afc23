package org.privatedomain.cdp.core.error;

/** The thing named does not exist, or the caller may not know that it exists. */
public non-sealed class NotFoundException extends CdpException {

    public NotFoundException(String problem, String detail) {
        super(problem, detail);
    }
}
