package org.privatedomain.cdp.segmentation.segment;

import org.privatedomain.cdp.core.identity.IdentityType;

/** {@code {"type":"identity","identityType":"WECHAT_UNIONID"}}: the member holds an identity of the type. */
record IdentityCondition(IdentityType identityType) implements Condition {

    static Condition parse(RuleReader rule) {
        return new IdentityCondition(rule.enumValue("identityType", IdentityType.class, true));
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String compile(SqlContext sql) {
        return """
                exists (select 1 from core.identity i
                         where i.brand_id = %s and i.member_id = m.id and i.type = %s)"""
                .formatted(sql.brand(), sql.bind(identityType.name()));
    }
}
