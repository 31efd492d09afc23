package org.privatedomain.cdp.core.ingest;

/** Turns one line of a body into the record it names. */
interface LineParser {

    Object parse(byte[] line, int length) throws RejectedLine;
}
