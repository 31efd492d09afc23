package org.privatedomain.cdp.core.privacy;

/** How personal data is shown to callers who may not see it whole. */
public final class Masking {

    private Masking() {
    }

    /** {@code 13812345678} becomes {@code 138****5678}; shorter numbers keep only their last two digits. */
    public static String phone(String phone) {
        if (phone.length() >= 11) {
            return phone.substring(0, phone.length() - 8) + "****" + phone.substring(phone.length() - 4);
        }
        return "*".repeat(Math.max(0, phone.length() - 2)) + phone.substring(Math.max(0, phone.length() - 2));
    }

    /** {@code zhang.wei@example.com} becomes {@code z***@example.com}. */
    public static String email(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** {@code 张伟} becomes {@code 张*}, {@code Zhang Wei} becomes {@code Z********}. */
    public static String name(String name) {
        return name.isEmpty() ? name : name.substring(0, name.offsetByCodePoints(0, 1))
                + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }
}
