package org.privatedomain.cdp.core.error;

/**
 * A failure the caller can act on. {@code problem} is a stable slug that names the kind of problem (it becomes
 * the RFC 9457 {@code type}); the message is the human-readable detail.
 */
public abstract sealed class CdpException extends RuntimeException
        permits NotFoundException, ConflictException, MovedException, InvalidInputException {

    private final String problem;

    protected CdpException(String problem, String detail) {
        super(detail);
        this.problem = problem;
    }

    public String problem() {
        return problem;
    }
}
