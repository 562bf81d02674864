package org.zhijiao.apprenticeship;

import io.quarkus.test.junit.QuarkusTest;
import org.zhijiao.testing.OpenApiAndAccessContract;

/** The published spec is complete and example-rich, and every operation it lists has an access rule that holds. */
@QuarkusTest
class OpenApiAndAccessTest extends OpenApiAndAccessContract {

    OpenApiAndAccessTest() {
        super("/api/v1/cohorts", true, () -> Fixtures.publishedProgram(MembershipEvents.activeSchool("指标学校")));
    }
}
