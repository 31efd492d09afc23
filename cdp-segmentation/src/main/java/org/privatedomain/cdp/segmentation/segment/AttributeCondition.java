package org.privatedomain.cdp.segmentation.segment;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code {"type":"attribute","key":"level","op":"eq","value":"gold"}}: a brand-defined attribute compared.
 * eq and in match a string, number or boolean exactly (numbers by value: 1 equals 1.0); gt, gte, lt and lte
 * compare numbers with numbers and strings with strings (by code point), a value of the other type never
 * matching; exists matches any value.
 */
record AttributeCondition(String key, Comparison comparison) implements Condition {

    private static final Set<Operator> OPERATORS = EnumSet.allOf(Operator.class);

    static Condition parse(RuleReader rule) {
        String key = rule.text("key", true);
        if (key != null && key.length() > 64) {
            rule.error("key", "must have at most 64 characters");
        }
        Comparison comparison = rule.comparison(OPERATORS, AttributeCondition::scalar, null);
        if (comparison != null && ordered(comparison.op()) && comparison.values().getFirst() instanceof Boolean) {
            rule.error("value", "must be a number or a string with " + comparison.op().code());
        }
        return new AttributeCondition(key, comparison);
    }

    private static boolean ordered(Operator op) {
        return op == Operator.GT || op == Operator.GTE || op == Operator.LT || op == Operator.LTE;
    }

    @Override
    public String compile(SqlContext sql) {
        String key = sql.bind(this.key);
        String value = "m.attributes -> " + key;
        if (!ordered(comparison.op())) {
            return comparison.compile(value, scalar -> "cast(" + sql.bind(json(scalar)) + " as jsonb)");
        }
        boolean number = comparison.values().getFirst() instanceof BigDecimal;
        String typed = number
                ? "case when jsonb_typeof(" + value + ") = 'number' then (m.attributes ->> " + key + ")::numeric end"
                : "case when jsonb_typeof(" + value + ") = 'string' then (m.attributes ->> " + key + ") collate \"C\" end";
        return comparison.compile(typed, sql::bind);
    }

    private static Object scalar(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return Comparison.text(value);
    }

    private static String json(Object scalar) {
        return switch (scalar) {
            case String text -> JsonNodeFactory.instance.stringNode(text).toString();
            case BigDecimal number -> number.toPlainString();
            default -> scalar.toString();
        };
    }
}
