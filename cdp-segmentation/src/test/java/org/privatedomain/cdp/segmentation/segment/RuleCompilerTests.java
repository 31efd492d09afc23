package org.privatedomain.cdp.segmentation.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.brand.BrandContext;
import org.privatedomain.cdp.core.brand.BrandSettings;
import org.privatedomain.cdp.core.brand.PeriodType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Rule reading and compilation, without a database. */
class RuleCompilerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void userInputBecomesParametersNeverSqlText() {
        String evil = "vip'); drop table core.member; --";
        SqlContext sql = context();

        String compiled = RuleCompiler.members(parse("""
                {"all":[{"type":"tag","tag":"%s"},
                        {"type":"attribute","key":"%s","op":"eq","value":"%s"},
                        {"type":"events","eventType":"VISIT","property":{"name":"%s","value":"x"}}]}"""
                .formatted(evil, evil, evil, evil)), sql);

        assertThat(compiled).doesNotContain("drop").doesNotContain("vip");
        assertThat(sql.parameters()).containsValue(evil).containsValue("\"" + evil + "\"");
    }

    @Test
    void everyLeafIsNeverNullSoNotIncludesMembersWithoutTheValue() {
        String compiled = RuleCompiler.members(parse("""
                {"not":{"type":"profile","attribute":"city","op":"eq","value":"杭州"}}"""), context());

        assertThat(compiled).contains("not coalesce(m.city = :p4, false)");
    }

    @Test
    void anAggregateThatHoldsForNoRowsTakesOutTheMembersWhoseRowsFailIt() {
        String none = RuleCompiler.members(parse("""
                {"type":"orders","metric":"count","op":"lt","value":1,"channels":["TMALL"]}"""), context());
        String some = RuleCompiler.members(parse("""
                {"type":"orders","metric":"count","op":"gte","value":2,"channels":["TMALL"]}"""), context());
        String time = RuleCompiler.members(parse("""
                {"type":"orders","metric":"lastOrderAt","op":"lt","value":"2026-01-01"}"""), context());

        assertThat(none).contains("not exists (select 1 from (select o.member_id as member_id, count(*) as value")
                .contains("v.member_id = m.id and not (v.value < ");
        assertThat(some).contains("m.id in (select v.member_id from (select o.member_id as member_id, count(*)")
                .contains("where v.value >= ");
        assertThat(time).contains("m.id in (select v.member_id from (select o.member_id as member_id, max(o.paid_at)")
                .contains("where v.value < ");
    }

    @Test
    void predicatesThatCannotBeNullAreLeftBareForThePlanner() {
        String compiled = RuleCompiler.members(parse("""
                {"all":[{"type":"tag","tag":"vip"},{"type":"consent","purpose":"MARKETING","channel":"SMS","granted":true}]}"""),
                context());

        assertThat(compiled).contains("(exists (select 1 from core.member_tag t").contains("and not exists (select 1 from core.event e");
    }

    @Test
    void windowsAreHalfOpenInTheBrandsTimezone() {
        SqlContext sql = context();
        RuleCompiler.members(parse("""
                {"type":"orders","metric":"count","op":"gte","value":1,"window":{"from":"2026-10-01","to":"2026-11-01"},"channels":["TMALL"]}"""),
                sql);

        assertThat(sql.parameters().values()).contains(
                java.sql.Timestamp.from(Instant.parse("2026-09-30T16:00:00Z")),
                java.sql.Timestamp.from(Instant.parse("2026-10-31T16:00:00Z")));
    }

    @Test
    void errorsNameTheirNodeByJsonPath() {
        assertThat(errors("""
                {"all":[{"type":"tag","tag":"vip"},
                        {"any":[{"type":"orders","metric":"count","op":"gte","value":1,"window":{"last":"soon"}},
                                {"type":"colour","value":"red"}]},
                        {"not":{"type":"profile","attribute":"city","op":"gt","value":"A"}},
                        {"any":[]},
                        {"type":"consent","purpose":"MARKETING","channel":"FAX","granted":true,"extra":1}]}"""))
                .containsExactlyInAnyOrder(
                        "rule.all[1].any[0].window.last",
                        "rule.all[1].any[1].type",
                        "rule.all[2].not.op",
                        "rule.all[3].any",
                        "rule.all[4].channel",
                        "rule.all[4].extra");
    }

    @Test
    void valuesAreCheckedPerKind() {
        assertThat(errors("""
                {"all":[{"type":"profile","attribute":"birthdayMonth","op":"in","value":[1,13]},
                        {"type":"profile","attribute":"gender","op":"eq","value":"F"},
                        {"type":"profile","attribute":"shoeSize","op":"eq","value":40},
                        {"type":"attribute","key":"vip","op":"gt","value":true},
                        {"type":"orders","metric":"lastOrderAt","op":"gt","value":5},
                        {"type":"orders","metric":"count","op":"exists"},
                        {"type":"relationship","field":"MEMBERSHIP"},
                        {"type":"membership","during":{"from":"2026-11-01","to":"2026-10-01"}},
                        {"type":"events","eventType":"visit"},
                        {"type":"segment","segmentId":-3},
                        {"type":"tag"}]}"""))
                .containsExactlyInAnyOrder(
                        "rule.all[0].value[1]",
                        "rule.all[1].value",
                        "rule.all[2].attribute",
                        "rule.all[3].value",
                        "rule.all[4].value",
                        "rule.all[5].op",
                        "rule.all[6].field",
                        "rule.all[7].during",
                        "rule.all[8].eventType",
                        "rule.all[9].segmentId",
                        "rule.all[10].tag");
    }

    @Test
    void aRuleMayNotBeTooDeepOrTooLarge() {
        String deep = "{\"type\":\"tag\",\"tag\":\"x\"}";
        for (int i = 0; i < RuleParser.MAX_DEPTH; i++) {
            deep = "{\"not\":" + deep + "}";
        }
        assertThat(errors(deep)).containsExactly("rule" + ".not".repeat(RuleParser.MAX_DEPTH));

        String wide = "{\"any\":[" + String.join(",",
                java.util.Collections.nCopies(RuleParser.MAX_NODES, "{\"type\":\"tag\",\"tag\":\"x\"}")) + "]}";
        assertThat(errors(wide)).containsExactly("rule.any[" + (RuleParser.MAX_NODES - 1) + "]");
    }

    @Test
    void aNodeMustBeOneCombinatorOrALeaf() {
        assertThat(errors("{\"all\":[{\"type\":\"tag\",\"tag\":\"x\"}],\"any\":[]}")).containsExactly("rule");
        assertThat(errors("[]")).containsExactly("rule");
        assertThat(errors("{\"all\":[1]}")).containsExactly("rule.all[0]");
    }

    private static List<String> errors(String rule) {
        try {
            parse(rule);
        } catch (InvalidSegmentException invalid) {
            return invalid.errors().stream().map(RuleError::field).toList();
        }
        throw new AssertionError("no error for " + rule);
    }

    @Test
    void aValidRuleHasNoErrors() {
        assertThatThrownBy(() -> parse("{\"type\":\"tag\",\"tag\":\"\"}")).isInstanceOf(InvalidSegmentException.class);
        assertThat(SegmentCondition.in(parse("""
                {"all":[{"type":"membership","during":{"last":"P1M"}},
                        {"type":"relationship"},
                        {"type":"identity","identityType":"PHONE"},
                        {"type":"segment","segmentId":3},
                        {"type":"events","eventType":"VISIT","field":"LIVE","window":{"from":"2026-01-01T00:00:00+08:00"},
                         "op":"eq","value":0},
                        {"type":"orders","metric":"purchaseDays","op":"gte","value":2,"channels":["TMALL"],
                         "skus":["S-1"],"window":{"to":"2026-01-01"}}]}"""))
                .map(SegmentCondition::segmentId)).containsExactly(3L);
    }

    private static Condition parse(String rule) {
        JsonNode node = JSON.readTree(rule);
        return RuleParser.parse(node, "rule");
    }

    private static SqlContext context() {
        return new SqlContext(new BrandContext(1, "brand", BrandSettings.defaults("Asia/Shanghai", PeriodType.MONTH)),
                Instant.parse("2026-11-24T00:00:00Z"), null);
    }
}
