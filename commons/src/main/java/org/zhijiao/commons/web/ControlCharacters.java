package org.zhijiao.commons.web;

/** C0 control characters and DEL: never meaningful in a name, code or query, and NUL breaks PostgreSQL. */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Any control character at all: for parameters, codes and identifiers. */
    public static boolean present(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** A control character other than tab, line feed and carriage return: for free text in bodies. */
    public static boolean presentInText(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
