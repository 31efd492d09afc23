package org.privatedomain.cdp.segmentation.segment;

/** Turns a parsed rule into a predicate on {@code m}, a live member of the context's brand. */
final class RuleCompiler {

    private RuleCompiler() {
    }

    /** {@code from core.member m where ...}: the brand's live members the rule selects. */
    static String members(Condition rule, SqlContext sql) {
        return """
                from core.member m
                 where m.brand_id = :brand and m.merged_into is null and m.erased_at is null
                   and %s""".formatted(predicate(rule, sql));
    }

    /**
     * The condition as a predicate that is never null: a comparison with a missing value (no city, no
     * consent decision) is false, so {@code not} of it is true, as a reader of the rule expects.
     */
    static String predicate(Condition condition, SqlContext sql) {
        return switch (condition) {
            case Combination combination -> combination.compile(sql);
            case NotCondition not -> not.compile(sql);
            default -> condition.nullable() ? "coalesce(" + condition.compile(sql) + ", false)" : condition.compile(sql);
        };
    }
}
