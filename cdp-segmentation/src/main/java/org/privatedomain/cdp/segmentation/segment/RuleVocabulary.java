package org.privatedomain.cdp.segmentation.segment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The codes of the rule language with labels for people, in Chinese (zh-CN, the default) or English: what a rule
 * editor shows in its menus. Every code the rule language accepts has a label here (tested).
 */
public record RuleVocabulary(String language, List<Term> types, List<Term> operators, List<Term> profileAttributes,
        List<Term> orderMetrics) {

    /** A code as rules write it and its label. */
    public record Term(String code, String label) {
    }

    private static final String[][] TYPES = {
            {"profile", "资料字段", "Profile field"},
            {"attribute", "品牌属性", "Brand attribute"},
            {"tag", "标签", "Tag"},
            {"identity", "身份类型", "Identity type"},
            {"relationship", "私域关系", "Relationship"},
            {"membership", "会员", "Membership"},
            {"consent", "授权同意", "Consent"},
            {"orders", "订单", "Orders"},
            {"events", "行为事件", "Events"},
            {"segment", "所属人群", "In segment"},
            {"tier", "关系分层", "FAST+ tier"},
            {"rfm", "RFM分群", "RFM segment or scores"},
            {"crowd", "人群矩阵单元", "Crowd matrix cell"}};

    private static final String[][] OPERATORS = {
            {"eq", "等于", "equals"},
            {"in", "属于", "is one of"},
            {"gt", "大于", "greater than"},
            {"gte", "大于等于", "at least"},
            {"lt", "小于", "less than"},
            {"lte", "小于等于", "at most"},
            {"exists", "有值", "has a value"}};

    private static final String[][] PROFILE_ATTRIBUTES = {
            {"name", "姓名", "Name"},
            {"gender", "性别", "Gender"},
            {"city", "城市", "City"},
            {"province", "省份", "Province"},
            {"birthdayMonth", "生日月份", "Birthday month"},
            {"registeredAt", "注册时间", "Registered at"}};

    private static final String[][] ORDER_METRICS = {
            {"count", "订单数", "Number of orders"},
            {"netAmount", "净成交金额", "Net amount"},
            {"purchaseDays", "购买天数", "Purchase days"},
            {"lastOrderAt", "最近下单时间", "Last order at"},
            {"firstOrderAt", "首次下单时间", "First order at"}};

    /** The vocabulary in the locale's language: English for {@code en}, Chinese otherwise. */
    public static RuleVocabulary in(Locale locale) {
        boolean english = locale.getLanguage().equals("en");
        return new RuleVocabulary(english ? "en" : "zh-CN", terms(TYPES, english), terms(OPERATORS, english),
                terms(PROFILE_ATTRIBUTES, english), terms(ORDER_METRICS, english));
    }

    private static List<Term> terms(String[][] table, boolean english) {
        return Arrays.stream(table).map(row -> new Term(row[0], english ? row[2] : row[1])).toList();
    }
}
