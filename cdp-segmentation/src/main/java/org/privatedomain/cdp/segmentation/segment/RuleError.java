package org.privatedomain.cdp.segmentation.segment;

/** What is wrong with one node of a segment: {@code field} is its JSON path, like {@code rule.all[2].window}. */
public record RuleError(String field, String message) {
}
