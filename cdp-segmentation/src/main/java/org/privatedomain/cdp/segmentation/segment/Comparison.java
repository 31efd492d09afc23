package org.privatedomain.cdp.segmentation.segment;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** An operator and its values (none for {@code exists}, one or more for {@code in}, one otherwise). */
record Comparison(Operator op, List<Object> values) {

    static final Comparison AT_LEAST_ONE = new Comparison(Operator.GTE, List.of(BigDecimal.ONE));

    /** {@code expression op value}, each value turned into SQL by {@code parameter} (which binds it). */
    String compile(String expression, Function<Object, String> parameter) {
        return switch (op) {
            case EXISTS -> expression + " is not null";
            case IN -> expression + " in (" + values.stream().map(parameter).collect(Collectors.joining(", ")) + ")";
            default -> expression + " " + op.sql() + " " + parameter.apply(values.getFirst());
        };
    }

    /** Whether a number compares true: for a count or sum of nothing, is 0 included? */
    boolean holds(BigDecimal number) {
        return switch (op) {
            case EQ -> number.compareTo(decimal(0)) == 0;
            case IN -> values.stream().anyMatch(value -> number.compareTo((BigDecimal) value) == 0);
            case GT -> number.compareTo(decimal(0)) > 0;
            case GTE -> number.compareTo(decimal(0)) >= 0;
            case LT -> number.compareTo(decimal(0)) < 0;
            case LTE -> number.compareTo(decimal(0)) <= 0;
            case EXISTS -> true;
        };
    }

    private BigDecimal decimal(int index) {
        return (BigDecimal) values.get(index);
    }

    /** Reads a JSON number. */
    static Object number(JsonNode value) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException("must be a number");
        }
        return value.decimalValue();
    }

    /** Reads a JSON string. */
    static Object text(JsonNode value) {
        if (!value.isString() || value.asString().length() > 200) {
            throw new IllegalArgumentException("must be a string of at most 200 characters");
        }
        return value.asString();
    }

    /** Reads a {@link TimePoint}. */
    static Object time(JsonNode value) {
        if (!value.isString()) {
            throw new IllegalArgumentException("must be a date like 2026-10-01 or a time like 2026-10-01T08:00:00+08:00");
        }
        return TimePoint.parse(value.asString());
    }
}
