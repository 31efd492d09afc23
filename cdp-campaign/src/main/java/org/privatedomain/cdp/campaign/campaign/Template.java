package org.privatedomain.cdp.campaign.campaign;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privatedomain.cdp.core.error.InvalidInputException;

/** A message template's variables: {@code {{name}}} and its kin, each replaced per person at enrolment. */
final class Template {

    static final Set<String> VARIABLES = Set.of("name", "city", "province", "coupon");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(.*?)}}");

    private Template() {
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
