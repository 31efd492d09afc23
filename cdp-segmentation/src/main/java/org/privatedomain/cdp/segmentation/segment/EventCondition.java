package org.privatedomain.cdp.segmentation.segment;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"type":"events","eventType":"VISIT","field":"LIVE","property":{"name":"page","value":"home"},
 * "window":{"last":"P30D"},"op":"gte","value":3}}: how many events of the type (in the field, with the property
 * equal to the value) the member has in the window (all time when left out); at least one when op and value are
 * left out.
 */
record EventCondition(String eventType, String field, String propertyName, Object propertyValue, Window window,
        Comparison comparison) implements Condition {

    private static final Set<Operator> NUMERIC = EnumSet.of(Operator.EQ, Operator.GT, Operator.GTE, Operator.LT,
            Operator.LTE);

    static Condition parse(RuleReader rule) {
        String eventType = rule.code("eventType", true);
        String field = rule.code("field", false);
        String propertyName = null;
        Object propertyValue = null;
        JsonNode property = rule.get("property");
        if (property != null) {
            if (!property.isObject()) {
                rule.error("property", "must be an object {\"name\":...,\"value\":...}");
            } else {
                RuleReader reader = rule.child(property, "property");
                propertyName = reader.text("name", true);
                JsonNode value = reader.get("value");
                if (value == null || !value.isValueNode()) {
                    reader.error("value", "must be a string, number or boolean");
                } else {
                    propertyValue = value.toString(); // its JSON text, compared as jsonb
                }
                reader.finish();
            }
        }
        return new EventCondition(eventType, field, propertyName, propertyValue, Window.read(rule, "window"),
                rule.comparison(NUMERIC, Comparison::number, Comparison.AT_LEAST_ONE));
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String compile(SqlContext sql) {
        String rows = """
                from core.event e
                 where e.brand_id = %s and e.type = %s%s%s%s"""
                .formatted(sql.brand(), sql.bind(eventType),
                        field == null ? "" : " and e.field = " + sql.bind(field),
                        propertyName == null ? "" : " and e.properties -> " + sql.bind(propertyName)
                                + " = cast(" + sql.bind(propertyValue) + " as jsonb)",
                        window == null ? "" : window.restrict("e.occurred_at", sql));
        return Aggregate.compile(rows, "e.member_id", "count(*)", comparison, BigDecimal.ZERO, sql);
    }
}
