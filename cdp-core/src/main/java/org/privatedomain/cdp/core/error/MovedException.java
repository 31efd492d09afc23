package org.privatedomain.cdp.core.error;

/** What the caller named lives on under another id: {@code from} is now {@code to}. */
public non-sealed class MovedException extends CdpException {

    private final String from;
    private final String to;

    public MovedException(String problem, String detail, String from, String to) {
        super(problem, detail);
        this.from = from;
        this.to = to;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
