package org.privatedomain.cdp.segmentation.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RuleVocabularyTests {

    @Test
    void everyCodeTheRuleLanguageAcceptsHasALabel() {
        RuleVocabulary vocabulary = RuleVocabulary.in(Locale.SIMPLIFIED_CHINESE);

        assertThat(vocabulary.types()).extracting(RuleVocabulary.Term::code)
                .containsExactlyInAnyOrderElementsOf(RuleParser.LEAVES.keySet());
        assertThat(vocabulary.operators()).extracting(RuleVocabulary.Term::code)
                .containsExactlyElementsOf(Arrays.stream(Operator.values()).map(Operator::code).toList());
        assertThat(vocabulary.profileAttributes()).extracting(RuleVocabulary.Term::code)
                .containsExactlyElementsOf(Arrays.stream(ProfileCondition.Attribute.values()).map(Enum::name).toList());
        assertThat(vocabulary.orderMetrics()).extracting(RuleVocabulary.Term::code)
                .containsExactlyElementsOf(Arrays.stream(OrderCondition.Metric.values()).map(Enum::name).toList());
    }

    @Test
    void labelsAreChineseUnlessEnglishIsAskedFor() {
        assertThat(RuleVocabulary.in(Locale.SIMPLIFIED_CHINESE).types().getFirst().label()).isEqualTo("资料字段");
        assertThat(RuleVocabulary.in(Locale.GERMAN).language()).isEqualTo("zh-CN");
        assertThat(RuleVocabulary.in(Locale.UK).types().getFirst().label()).isEqualTo("Profile field");
    }
}
