package org.privatedomain.cdp.segmentation.segment;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.privatedomain.cdp.core.member.Gender;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"type":"profile","attribute":"city","op":"in","value":["杭州","上海"]}}: a profile field compared.
 * Text fields and gender take eq, in and exists; birthdayMonth (1 to 12) eq, in and exists; registeredAt
 * gt, gte, lt, lte and exists with a {@link TimePoint}.
 */
record ProfileCondition(Attribute attribute, Comparison comparison) implements Condition {

    private static final Set<Operator> EQUALITY = EnumSet.of(Operator.EQ, Operator.IN, Operator.EXISTS);
    private static final Set<Operator> ORDER = EnumSet.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE,
            Operator.EXISTS);

    /** The profile fields a rule can compare, by their name in the rule. */
    enum Attribute {
        name("m.name", EQUALITY, Comparison::text, true),
        gender("m.gender", EQUALITY, ProfileCondition::gender, false),
        city("m.city", EQUALITY, Comparison::text, false),
        province("m.province", EQUALITY, Comparison::text, false),
        birthdayMonth("extract(month from m.birthday)", EQUALITY, ProfileCondition::month, true),
        registeredAt("m.registered_at", ORDER, Comparison::time, false);

        private final String column;
        private final Set<Operator> operators;
        private final Function<JsonNode, Object> values;
        private final boolean personal;

        Attribute(String column, Set<Operator> operators, Function<JsonNode, Object> values, boolean personal) {
            this.column = column;
            this.operators = operators;
            this.values = values;
            this.personal = personal;
        }

        /** Personal data that analysts see masked. */
        boolean personal() {
            return personal;
        }
    }

    static Condition parse(RuleReader rule) {
        String name = rule.text("attribute", true);
        Attribute attribute = Arrays.stream(Attribute.values()).filter(a -> a.name().equals(name)).findFirst()
                .orElse(null);
        if (attribute == null) {
            if (name != null) {
                rule.error("attribute", "must be one of " + Arrays.toString(Attribute.values()));
            }
            rule.get("op");
            rule.get("value");
            return new ProfileCondition(null, null);
        }
        return new ProfileCondition(attribute, rule.comparison(attribute.operators, attribute.values, null));
    }

    @Override
    public String compile(SqlContext sql) {
        return comparison.compile(attribute.column,
                value -> sql.bind(value instanceof TimePoint time ? time.at(sql.zone()) : value));
    }

    private static Object gender(JsonNode value) {
        try {
            return Gender.valueOf(value.asString()).name();
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("must be one of " + Arrays.toString(Gender.values()));
        }
    }

    private static Object month(JsonNode value) {
        if (!value.isIntegralNumber() || value.asInt() < 1 || value.asInt() > 12) {
            throw new IllegalArgumentException("must be a month number from 1 to 12");
        }
        return BigDecimal.valueOf(value.asInt());
    }
}
