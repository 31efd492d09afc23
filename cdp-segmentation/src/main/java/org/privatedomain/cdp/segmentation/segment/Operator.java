package org.privatedomain.cdp.segmentation.segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a leaf compares a value: {@code "op"} in the rule, in lower case. */
enum Operator {
    EQ("="),
    IN("in"),
    GT(">"),
    GTE(">="),
    LT("<"),
    LTE("<="),
    EXISTS("is not null");

    private final String sql;

    Operator(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Operator> of(String code) {
        return Arrays.stream(values()).filter(op -> op.code().equals(code)).findFirst();
    }
}
