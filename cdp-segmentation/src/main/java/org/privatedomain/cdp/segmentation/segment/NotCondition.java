package org.privatedomain.cdp.segmentation.segment;

import java.util.stream.Stream;

/** {@code {"not":{...}}}: the condition does not hold (a member without the value, say no city, is included). */
record NotCondition(Condition condition) implements Condition {

    @Override
    public String compile(SqlContext sql) {
        return "not " + RuleCompiler.predicate(condition, sql);
    }

    @Override
    public Stream<Condition> leaves() {
        return condition.leaves();
    }
}
