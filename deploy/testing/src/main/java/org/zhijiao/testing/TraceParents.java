package org.zhijiao.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** W3C {@code traceparent} values a test sends as a caller (or a relay) would, with fresh random ids. */
public final class TraceParents {

    private TraceParents() {
    }

    /** A random trace id: 32 lower-case hex digits. */
    public static String traceId() {
        return hex(16);
    }

    /** A random span id: 16 lower-case hex digits. */
    public static String spanId() {
        return hex(8);
    }

    /** {@code 00-<traceId>-<spanId>-01} when sampled, {@code -00} otherwise. */
    public static String of(String traceId, String spanId, boolean sampled) {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
