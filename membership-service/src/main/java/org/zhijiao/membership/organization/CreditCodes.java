package org.zhijiao.membership.organization;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from a 31-symbol
 * alphabet (no I, O, S, V, Z); characters 3-8 are the administrative division code and the last
 * is a weighted mod-31 check character.
 */
public final class CreditCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** The check character for the first 17 characters, or -1 if one is outside the alphabet. */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                return (char) -1;
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** Why {@code code} is not valid, or null if it is. */
    public static String problemWith(String code) {
        if (code.length() != 18) {
            return "must be 18 characters, not " + code.length();
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "character " + (i + 1) + " ('" + code.charAt(i) + "') is not allowed (digits and upper-case"
                        + " letters except I, O, S, V, Z)";
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return "characters 3-8 must be the administrative division code (digits)";
        }
        char expected = checkCharacter(code);
        if (code.charAt(17) != expected) {
            return "check character does not match (expected '" + expected + "')";
        }
        return null;
    }

    private CreditCodes() {
    }
}
