package org.zhijiao.testing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Unified social credit codes (GB 32100-2015) that membership-service accepts, for tests that register
 * organizations from outside it (the gateway's tests, the end-to-end suites).
 */
public final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    /** The first 17 characters with their check character appended. */
    public static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** A random valid code of a Qingdao enterprise (registration authority 9, division 370200). */
    public static String random() {
        StringBuilder code = new StringBuilder("91370200");
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return withCheck(code.toString());
    }
}
