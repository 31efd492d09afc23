package org.privatedomain.cdp.core.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An identity as callers name it: {@code {"type":"PHONE","value":"138 1234 5678"}}. {@link #normalized()} gives
 * the one spelling under which it is stored and matched.
 */
public record Identity(@NotNull IdentityType type, @NotBlank @Size(max = 128) String value) {

    // Compiled once: String.replaceAll compiles its pattern on every call, and a bulk load normalizes millions.
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-()]");
    private static final Pattern MAINLAND_PREFIX = Pattern.compile("^(\\+86|0086|86)(?=1\\d{10}$)");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * The canonical spelling, or empty when the value cannot be one of its type: phones lose spaces, dashes and
     * a {@code +86}/{@code 86} prefix (mainland mobiles are 11 digits, others stay in E.164 form); e-mail
     * addresses are trimmed and lower-cased; other ids are trimmed and kept as given (they are case-sensitive).
     */
    public Optional<Identity> normalized() {
        String trimmed = value.strip();
        return switch (type) {
            case PHONE -> {
                String digits = PHONE_SEPARATORS.matcher(trimmed).replaceAll("");
                String mainland = MAINLAND_PREFIX.matcher(digits).replaceFirst("");
                if (MAINLAND_MOBILE.matcher(mainland).matches()) {
                    yield Optional.of(new Identity(type, mainland));
                }
                yield INTERNATIONAL.matcher(digits).matches() ? Optional.of(new Identity(type, digits))
                        : Optional.empty();
            }
            case EMAIL -> {
                String email = trimmed.toLowerCase(Locale.ROOT);
                yield EMAIL.matcher(email).matches() ? Optional.of(new Identity(type, email)) : Optional.empty();
            }
            default -> trimmed.isEmpty() ? Optional.empty() : Optional.of(new Identity(type, trimmed));
        };
    }

    /** {@code PHONE:****} or {@code WECHAT_UNIONID:o6_b...}: safe for logs, personal values are hidden. */
    @Override
    public String toString() {
        return type + ":" + (type.personal() ? "****" : value);
    }
}
