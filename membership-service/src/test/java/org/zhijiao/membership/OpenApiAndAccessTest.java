package org.zhijiao.membership;

import io.quarkus.test.junit.QuarkusTest;
import org.zhijiao.testing.OpenApiAndAccessContract;

/** The published spec is complete, and every operation it lists has an access rule that holds. */
@QuarkusTest
class OpenApiAndAccessTest extends OpenApiAndAccessContract {

    OpenApiAndAccessTest() {
        super("/api/v1/organizations", false, () -> Fixtures.register(Fixtures.enterprise("指标企业（虚构）")));
    }
}
