package org.privatedomain.cdp.segmentation.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule: a tree of {@code {"all":[...]}}, {@code {"any":[...]}}, {@code {"not":{...}}} and leaves
 * {@code {"type":..., ...}}, at most {@value #MAX_DEPTH} levels deep and {@value #MAX_NODES} nodes in all. Every
 * problem is reported with the JSON path of its node; a rule with any problem is refused whole.
 */
final class RuleParser {

    static final int MAX_DEPTH = 10;
    static final int MAX_NODES = 200;

    /** Every kind of leaf by its {@code "type"}: a new kind is one entry here. */
    static final Map<String, Function<RuleReader, Condition>> LEAVES = Map.ofEntries(
            Map.entry("profile", ProfileCondition::parse),
            Map.entry("attribute", AttributeCondition::parse),
            Map.entry("tag", TagCondition::parse),
            Map.entry("identity", IdentityCondition::parse),
            Map.entry("relationship", RelationshipCondition::parse),
            Map.entry("membership", RelationshipCondition::parseMembership),
            Map.entry("consent", ConsentCondition::parse),
            Map.entry("orders", OrderCondition::parse),
            Map.entry("events", EventCondition::parse),
            Map.entry("segment", SegmentCondition::parse),
            Map.entry("tier", TierCondition::parse),
            Map.entry("rfm", RfmCondition::parse),
            Map.entry("crowd", CrowdCondition::parse));

    private final List<RuleError> errors = new ArrayList<>();
    private int nodes;

    private RuleParser() {
    }

    /** The rule at {@code path} (its name in the request, such as {@code rule}), or the errors it has. */
    static Condition parse(JsonNode rule, String path) {
        RuleParser parser = new RuleParser();
        Condition condition = parser.node(rule, path, 1);
        if (!parser.errors.isEmpty()) {
            throw new InvalidSegmentException(parser.errors);
        }
        return condition;
    }

    private Condition node(JsonNode node, String path, int depth) {
        if (++nodes == MAX_NODES + 1) {
            errors.add(new RuleError(path, "the rule has more than " + MAX_NODES + " conditions"));
        }
        if (node == null || !node.isObject()) {
            errors.add(new RuleError(path, "must be a condition object: {\"all\":[...]}, {\"any\":[...]}, "
                    + "{\"not\":{...}} or {\"type\":...}"));
            return null;
        }
        if (depth > MAX_DEPTH) {
            errors.add(new RuleError(path, "is nested deeper than " + MAX_DEPTH + " levels"));
            return null;
        }
        List<String> keys = new ArrayList<>(node.propertyNames());
        if (keys.size() == 1 && (keys.contains("all") || keys.contains("any"))) {
            String key = keys.getFirst();
            JsonNode list = node.get(key);
            if (!list.isArray() || list.isEmpty()) {
                errors.add(new RuleError(path + "." + key, "must be a non-empty list of conditions"));
                return null;
            }
            List<Condition> conditions = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                conditions.add(node(list.get(i), path + "." + key + "[" + i + "]", depth + 1));
            }
            return new Combination(key.equals("all"), conditions);
        }
        if (keys.size() == 1 && keys.contains("not")) {
            return new NotCondition(node(node.get("not"), path + ".not", depth + 1));
        }
        if (!keys.contains("type")) {
            errors.add(new RuleError(path, "must have exactly one of all, any or not, or be a leaf with a type"));
            return null;
        }
        RuleReader reader = new RuleReader(node, path, errors);
        String type = reader.text("type", true);
        Function<RuleReader, Condition> leaf = type == null ? null : LEAVES.get(type);
        if (leaf == null) {
            if (type != null) {
                reader.error("type", "must be one of " + LEAVES.keySet().stream().sorted().toList());
            }
            return null;
        }
        Condition condition = leaf.apply(reader);
        reader.finish();
        return condition;
    }
}
