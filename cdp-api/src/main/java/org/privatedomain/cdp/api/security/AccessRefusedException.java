package org.privatedomain.cdp.api.security;

/** The caller is known but its key may not do this (HTTP 403). */
public class AccessRefusedException extends RuntimeException {

    public AccessRefusedException(String detail) {
        super(detail);
    }
}
