package org.privatedomain.cdp.core.error;

/** The input is well formed but breaks a domain rule that field validation cannot express. */
public non-sealed class InvalidInputException extends CdpException {

    public InvalidInputException(String problem, String detail) {
        super(problem, detail);
    }
}
