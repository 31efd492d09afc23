package org.privatedomain.cdp.segmentation.segment;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code {"all":[...]}} (every condition holds) or {@code {"any":[...]}} (at least one does). */
record Combination(boolean all, List<Condition> conditions) implements Condition {

    @Override
    public String compile(SqlContext sql) {
        return conditions.stream().map(condition -> RuleCompiler.predicate(condition, sql))
                .collect(Collectors.joining(all ? " and " : " or ", "(", ")"));
    }

    @Override
    public Stream<Condition> leaves() {
        return conditions.stream().flatMap(Condition::leaves);
    }
}
