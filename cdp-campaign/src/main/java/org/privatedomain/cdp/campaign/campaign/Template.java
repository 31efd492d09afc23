package org.privatedomain.cdp.campaign.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privatedomain.cdp.core.error.InvalidInputException;

/** A message template's variables: {@code {{name}}} and its kin, each replaced per person at enrolment. */
final class Template {

    static final Set<String> VARIABLES = Set.of("name", "city", "province", "coupon");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(.*?)}}");

    /** The longest value of each variable, as stored (core.member's name, city, province; a coupon code). */
    private static final Map<String, Integer> LONGEST = Map.of("name", 100, "city", 64, "province", 64, "coupon", 64);

    /** Where each variable's value is, in the enrolment's query (concat leaves out a null). */
    private static final Map<String, String> COLUMNS = Map.of("name", "m.name", "city", "m.city",
            "province", "m.province", "coupon", "c.code");

    /** The most characters a rendered message may have (campaign.message.content). */
    private static final int MESSAGE_LIMIT = 8000;

    private Template() {
    }

    /**
     * Refuses a template with an unknown variable, or one whose message could outgrow what a message holds with
     * every variable at its longest (a campaign would otherwise fail at launch, or a trigger at every run).
     */
    static void validate(String template) {
        variables(template);
        Matcher matcher = VARIABLE.matcher(template);
        long longest = template.codePointCount(0, template.length());
        while (matcher.find()) {
            longest += LONGEST.get(matcher.group(1)) - matcher.group().length();
        }
        if (longest > MESSAGE_LIMIT) {
            throw new InvalidInputException("invalid-template", "template: with every variable at its longest "
                    + "({{name}} 100 characters, {{city}}, {{province}} and {{coupon}} 64), a message could have "
                    + longest + " characters; at most " + MESSAGE_LIMIT + " fit.");
        }
    }

    /**
     * The message of a template as SQL over {@code m} (the member) and {@code c} (their coupon), with its text in
     * {@code :template0}, {@code :template1}, ...: the pieces concatenated in one pass, so that a value holding
     * {@code {{coupon}}} stays text rather than become the person's coupon code.
     */
    static Rendering rendering(String template) {
        variables(template);
        List<String> pieces = new ArrayList<>();
        Map<String, Object> texts = new LinkedHashMap<>();
        Matcher matcher = VARIABLE.matcher(template);
        int at = 0;
        while (matcher.find()) {
            text(template.substring(at, matcher.start()), pieces, texts);
            pieces.add(COLUMNS.get(matcher.group(1)));
            at = matcher.end();
        }
        text(template.substring(at), pieces, texts);
        return new Rendering("concat('', " + String.join(", ", pieces) + ")", texts);
    }

    private static void text(String text, List<String> pieces, Map<String, Object> texts) {
        if (!text.isEmpty()) {
            String name = "template" + texts.size();
            texts.put(name, text);
            pieces.add(":" + name);
        }
    }

    /** A template as a SQL expression, and the parameters holding its text. */
    record Rendering(String sql, Map<String, Object> texts) {
    }

    /** The variables the template uses; an unknown one is refused, naming it and the known ones. */
    static Set<String> variables(String template) {
        Set<String> used = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!VARIABLES.contains(name)) {
                throw new InvalidInputException("invalid-template", "template: unknown variable {{" + name
                        + "}}; the known ones are {{name}}, {{city}}, {{province}} and {{coupon}}.");
            }
            used.add(name);
        }
        return used;
    }
}
