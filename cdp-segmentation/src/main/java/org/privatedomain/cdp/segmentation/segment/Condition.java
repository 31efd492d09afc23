package org.privatedomain.cdp.segmentation.segment;

import java.util.stream.Stream;

/**
 * One node of a rule. Each compiles to a SQL predicate on the candidate member {@code m} (a row of
 * {@code core.member}) whose values are all named parameters of the {@link SqlContext}: nothing the caller
 * wrote becomes SQL text. A new kind of leaf is a record implementing this with a {@code parse} method, and one
 * line in {@link RuleParser}'s registry.
 */
interface Condition {

    /** A predicate on {@code m}; it may be null for some members ({@link RuleCompiler} makes it false then). */
    String compile(SqlContext sql);

    /**
     * Whether the predicate can be null. One that cannot ({@code exists}, {@code in} a subquery) is left bare, so
     * that PostgreSQL can turn it into a semi- or anti-join instead of a subplan evaluated per member.
     */
    default boolean nullable() {
        return true;
    }

    /** The leaves of this condition: itself for a leaf. */
    default Stream<Condition> leaves() {
        return Stream.of(this);
    }
}
