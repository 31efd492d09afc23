package org.privatedomain.cdp.core.change;

/** What a journalled write touched. */
public enum FactKind {
    ORDER, EVENT, ERASURE
}
