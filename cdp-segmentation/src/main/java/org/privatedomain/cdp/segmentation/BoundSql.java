package org.privatedomain.cdp.segmentation;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lends a query written with named parameters to another query that binds its own: each {@code :name} of the
 * given values is replaced by what the other query's binder answers for that value, so no value becomes SQL text.
 */
public final class BoundSql {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z]\\w*)");

    private BoundSql() {
    }

    /** The SQL with every parameter named in {@code values} bound through {@code bind}; others left as they are. */
    public static String bind(String sql, Map<String, Object> values, Function<Object, String> bind) {
        return PARAMETER.matcher(sql).replaceAll(found -> Matcher.quoteReplacement(
                values.containsKey(found.group(1)) ? bind.apply(values.get(found.group(1))) : found.group()));
    }
}
