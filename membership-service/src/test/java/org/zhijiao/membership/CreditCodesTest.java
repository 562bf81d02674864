package org.zhijiao.membership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zhijiao.membership.organization.CreditCodes;

class CreditCodesTest {

    @Test
    void acceptsPublishedCodes() {
        // codes printed on real business licences (public information)
        assertThat(CreditCodes.problemWith("91350100M000100Y43")).isNull();
        assertThat(CreditCodes.problemWith("91110000600037341L")).isNull();
    }

    @RepeatedTest(20)
    void acceptsEveryGeneratedCodeAndRejectsEveryOtherCheckCharacter() {
        String code = org.zhijiao.testing.CreditCodes.random();
        assertThat(CreditCodes.problemWith(code)).isNull();
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (c != code.charAt(17)) {
                assertThat(CreditCodes.problemWith(code.substring(0, 17) + c)).contains("check character");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "91350100M000100Y4, must be 18 characters",
        "91350100M000100Y433, must be 18 characters",
        "91350100M000I00Y43, is not allowed",
        "9135010OM000100Y43, is not allowed",
        "913501a0M000100Y43, is not allowed",
        "91A50100M000100Y43, administrative division"})
    void explainsWhatIsWrong(String code, String expected) {
        assertThat(CreditCodes.problemWith(code)).contains(expected);
    }
}
