package org.privatedomain.cdp.segmentation.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one object of a rule, recording every problem under its JSON path
 * ({@code rule.all[2].window.last}) instead of stopping at the first, and refusing fields it was not asked for.
 */
final class RuleReader {

    /** Codes: fields, event types, channels. Upper-case words joined by '_'. */
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    static final int MAX_VALUES = 100;

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(\\d{2}|W\\d{2}|Q[1-4])");

    private final JsonNode node;
    private final String path;
    private final List<RuleError> errors;
    private final Set<String> read = new HashSet<>();

    RuleReader(JsonNode node, String path, List<RuleError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    RuleReader child(JsonNode child, String field) {
        return new RuleReader(child, path(field), errors);
    }

    String path(String field) {
        return field == null ? path : path + "." + field;
    }

    void error(String field, String message) {
        errors.add(new RuleError(path(field), message));
    }

    /** The field's value, or null when absent or JSON null. */
    JsonNode get(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    String text(String field, boolean required) {
        JsonNode value = get(field);
        if (value == null) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!value.isString() || value.asString().isBlank()) {
            error(field, "must be a non-blank string");
            return null;
        }
        return value.asString();
    }

    /** An upper-case code such as a field or an event type. */
    String code(String field, boolean required) {
        String value = text(field, required);
        if (value != null && !CODE.matcher(value).matches()) {
            error(field, "must be an upper-case code like GROUP_CHAT");
            return null;
        }
        return value;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
        String value = text(field, required);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            error(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    TimePoint time(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return TimePoint.parse(text);
        } catch (IllegalArgumentException bad) {
            error(field, bad.getMessage());
            return null;
        }
    }

    Long id(String field) {
        JsonNode value = get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 1) {
            error(field, "must be a positive integer id");
            return null;
        }
        return value.asLong();
    }

    boolean bool(String field, boolean required, boolean otherwise) {
        JsonNode value = get(field);
        if (value == null) {
            if (required) {
                error(field, "is required");
            }
            return otherwise;
        }
        if (!value.isBoolean()) {
            error(field, "must be true or false");
            return otherwise;
        }
        return value.asBoolean();
    }

    /** A non-empty list of up to {@value #MAX_VALUES} codes, or null when absent. */
    List<String> codes(String field) {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray() || value.isEmpty() || value.size() > MAX_VALUES) {
            error(field, "must be a list of 1 to " + MAX_VALUES + " strings");
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isString() || item.asString().isBlank() || item.asString().length() > 128) {
                error(field + "[" + i + "]", "must be a non-blank string of at most 128 characters");
            } else {
                codes.add(item.asString());
            }
        }
        return codes;
    }

    /** A non-empty list of the enum's constants, or null when absent. */
    <E extends Enum<E>> List<E> enumValues(String field, Class<E> type) {
        List<String> codes = codes(field);
        if (codes == null) {
            return null;
        }
        List<E> values = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            try {
                values.add(Enum.valueOf(type, codes.get(i)));
            } catch (IllegalArgumentException unknown) {
                error(field + "[" + i + "]", "must be one of " + Arrays.toString(type.getEnumConstants()));
            }
        }
        return values;
    }

    /** A non-empty list of whole numbers from {@code min} to {@code max}, or null when absent. */
    List<Integer> integers(String field, int min, int max) {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray() || value.isEmpty() || value.size() > MAX_VALUES) {
            error(field, "must be a list of 1 to " + MAX_VALUES + " whole numbers");
            return null;
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isIntegralNumber() || item.asInt() < min || item.asInt() > max) {
                error(field + "[" + i + "]", "must be a whole number from " + min + " to " + max);
            } else {
                numbers.add(item.asInt());
            }
        }
        return numbers;
    }

    /** A period id (2026-10, 2026-W42, 2026-Q4), or null for the current period; the brand checks its type. */
    String period(String field) {
        String value = text(field, false);
        if (value != null && !PERIOD.matcher(value).matches()) {
            error(field, "must be a period like 2026-10, 2026-W42 or 2026-Q4");
            return null;
        }
        return value;
    }

    /**
     * {@code "op"} and {@code "value"}: one of the allowed operators, and for it no value ({@code exists}), a
     * list of values ({@code in}) or one value, each read by {@code values} (which throws
     * {@link IllegalArgumentException} with the message for a bad one). {@code otherwise} when both are absent.
     */
    Comparison comparison(Set<Operator> allowed, Function<JsonNode, Object> values, Comparison otherwise) {
        String code = text("op", otherwise == null);
        JsonNode value = get("value");
        if (code == null) {
            if (otherwise != null && value != null) {
                error("op", "is required with a value");
            }
            return otherwise;
        }
        Operator op = Operator.of(code).filter(allowed::contains).orElse(null);
        if (op == null) {
            error("op", "must be one of " + allowed.stream().map(Operator::code).toList());
            return null;
        }
        if (op == Operator.EXISTS) {
            if (value != null) {
                error("value", "must be left out with exists");
            }
            return new Comparison(op, List.of());
        }
        if (value == null) {
            error("value", "is required");
            return null;
        }
        if (op == Operator.IN && (!value.isArray() || value.isEmpty() || value.size() > MAX_VALUES)) {
            error("value", "must be a list of 1 to " + MAX_VALUES + " values with in");
            return null;
        }
        List<JsonNode> items = op == Operator.IN ? value.valueStream().toList() : List.of(value);
        List<Object> read = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                read.add(values.apply(items.get(i)));
            } catch (IllegalArgumentException bad) {
                error(op == Operator.IN ? "value[" + i + "]" : "value", bad.getMessage());
            }
        }
        return read.size() == items.size() ? new Comparison(op, read) : null;
    }

    /** Records every field of the object that nobody read. */
    void finish() {
        node.propertyNames().forEach(name -> {
            if (!read.contains(name)) {
                error(name, "is not a known field here");
            }
        });
    }
}
