package org.zhijiao.e2e;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.zhijiao.demo.PlatformClient;

/** A suite on the running platform with the reference group loaded through the gateway (once per JVM). */
abstract class ReferenceGroupSuite {

    static Platform platform;
    static PlatformClient secretariat;
    /** The reference group's organizations: key ({@code lead}, {@code e03}, …) → id. */
    static Map<String, String> organizations;

    @BeforeAll
    static void loadTheReferenceGroup() {
        platform = Platform.get();
        secretariat = platform.secretariat();
        organizations = platform.referenceGroup();
    }
}
