package org.privatedomain.cdp.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrandRoleTests {

    @Test
    void eachRoleIncludesTheRolesBelowIt() {
        assertThat(BrandRole.ADMIN.includes(BrandRole.OPERATOR)).isTrue();
        assertThat(BrandRole.ADMIN.includes(BrandRole.ANALYST)).isTrue();
        assertThat(BrandRole.OPERATOR.includes(BrandRole.ANALYST)).isTrue();
        assertThat(BrandRole.OPERATOR.includes(BrandRole.OPERATOR)).isTrue();

        assertThat(BrandRole.OPERATOR.includes(BrandRole.ADMIN)).isFalse();
        assertThat(BrandRole.ANALYST.includes(BrandRole.OPERATOR)).isFalse();
    }
}
