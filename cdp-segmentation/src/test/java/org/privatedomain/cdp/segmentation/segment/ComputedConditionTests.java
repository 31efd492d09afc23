package org.privatedomain.cdp.segmentation.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.event.Field;
import org.privatedomain.cdp.segmentation.Facts;
import org.privatedomain.cdp.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules on computed facts: the tier in a period, today's RFM, a crowd-matrix cell. The brand of {@code
 * CrowdMatrixServiceTests}: in 2026-10 A is KOC (value HIGH, propagation HIGH), B NONE (LOW, NONE), C BASIC
 * (HIGH, SOME), D PURCHASED_MEMBER (LOW, NONE), E MEMBER (NONE, NONE).
 */
@SpringBootTest
@Import(TestDatabase.class)
class ComputedConditionTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Facts facts;

    @Autowired
    SegmentService segments;

    String brand;

    @BeforeEach
    void scenario() {
        brand = facts.brand();
        facts.join(brand, "A", "2026-09-01T10:00");
        facts.buy(brand, "A", "2026-10-02T10:00", "100.00");
        facts.buy(brand, "A", "2026-10-09T10:00", "300.00");
        facts.share(brand, "A", "share-a", "2026-10-09T11:00");
        facts.buyReferred(brand, "B", "2026-10-10T10:00", "50.00", "share-a", null);
        facts.connect(brand, "C", Field.STORE, "2026-09-01T10:00");
        facts.buyReferred(brand, "C", "2026-10-11T10:00", "150.00", null, "A");
        facts.join(brand, "D", "2026-09-01T10:00");
        facts.buyReferred(brand, "D", "2026-10-05T10:00", "20.00", null, "C");
        facts.join(brand, "E", "2026-09-01T10:00");
    }

    @Test
    void theTierInAPeriod() {
        assertThat(count("{\"type\":\"tier\",\"period\":\"2026-10\",\"tiers\":[\"KOC\"]}")).isEqualTo(1);
        assertThat(count("{\"type\":\"tier\",\"period\":\"2026-10\",\"tiers\":[\"MEMBER\",\"PURCHASED_MEMBER\"]}"))
                .isEqualTo(2);
        // NONE: B, who has no snapshot row.
        assertThat(count("{\"type\":\"tier\",\"period\":\"2026-10\",\"tiers\":[\"NONE\"]}")).isEqualTo(1);
        assertThat(count("{\"not\":{\"type\":\"tier\",\"period\":\"2026-10\",\"tiers\":[\"NONE\",\"KOC\"]}}"))
                .isEqualTo(3);
    }

    @Test
    void todaysRfm() {
        // M over the window ending today: A 400, C 150, B 50, D 20 -> cut points 38, 70, 130, 250.
        assertThat(count("{\"type\":\"rfm\",\"monetaryScores\":[4,5]}")).isEqualTo(2);
        assertThat(count("{\"type\":\"rfm\",\"segments\":[\"IMPORTANT_VALUE\",\"IMPORTANT_DEVELOP\",\"IMPORTANT_KEEP\","
                + "\"IMPORTANT_RETAIN\",\"GENERAL_VALUE\",\"GENERAL_DEVELOP\",\"GENERAL_KEEP\",\"GENERAL_RETAIN\"]}"))
                .isEqualTo(4);
        assertThat(count("{\"all\":[{\"type\":\"rfm\",\"monetaryScores\":[1]},{\"type\":\"tier\","
                + "\"period\":\"2026-10\",\"tiers\":[\"PURCHASED_MEMBER\"]}]}")).isEqualTo(1);
    }

    @Test
    void aCrowdMatrixCell() {
        assertThat(count("{\"type\":\"crowd\",\"period\":\"2026-10\",\"value\":\"HIGH\"}")).isEqualTo(2);
        assertThat(count("{\"type\":\"crowd\",\"period\":\"2026-10\",\"tier\":\"KOC\",\"value\":\"HIGH\","
                + "\"propagation\":\"HIGH\"}")).isEqualTo(1);
        // (x, x, NONE): B, D and E; a person the matrix does not list would be in it too.
        assertThat(count("{\"type\":\"crowd\",\"period\":\"2026-10\",\"propagation\":\"NONE\"}")).isEqualTo(3);
        facts.visit(brand, Facts.anonymous("f"), Field.LIVE, "2026-10-20T10:00");
        assertThat(count("{\"type\":\"crowd\",\"period\":\"2026-10\",\"tier\":\"NONE\",\"value\":\"NONE\"}"))
                .isEqualTo(1);
    }

    @Test
    void faultsAreNamedByTheirNode() {
        assertThatThrownBy(() -> count("{\"all\":[{\"type\":\"tier\",\"tiers\":[\"GOLD\"]},"
                + "{\"type\":\"rfm\"},{\"type\":\"crowd\",\"period\":\"Oct\",\"tier\":\"KOC\"}]}"))
                .isInstanceOfSatisfying(InvalidSegmentException.class, invalid -> assertThat(invalid.errors())
                        .extracting(RuleError::field)
                        .containsExactlyInAnyOrder("rule.all[0].tiers[0]", "rule.all[1]", "rule.all[2].period"));
        assertThatThrownBy(() -> count("{\"type\":\"tier\",\"period\":\"2026-W42\",\"tiers\":[\"KOC\"]}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026-W42");
    }

    @Test
    void aRuleThatCouldNotRunIsRefusedWhenSavedAndAWindowBeyondTheCalendarIsAFault() {
        assertThatThrownBy(() -> segments.create(brand, new SegmentDefinition("weekly", null,
                JSON.readTree("{\"type\":\"tier\",\"period\":\"2026-W42\",\"tiers\":[\"KOC\"]}"), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026-W42");
        assertThatThrownBy(() -> count("{\"type\":\"orders\",\"metric\":\"count\",\"op\":\"gte\",\"value\":1,"
                + "\"window\":{\"last\":\"P999999999Y\"}}"))
                .isInstanceOfSatisfying(InvalidSegmentException.class, invalid -> assertThat(invalid.errors())
                        .extracting(RuleError::field).containsExactly("rule.window.last"));
    }

    private long count(String rule) {
        return segments.preview(brand, JSON.readTree(rule)).count();
    }
}
