package org.zhijiao.apprenticeship;

import io.quarkus.test.junit.QuarkusTest;
import org.zhijiao.testing.OpenApiAndAccessContract;

/** The published spec is complete and example-rich, and every operation it lists has an access rule that holds. */
@QuarkusTest
class OpenApiAndAccessTest extends OpenApiAndAccessContract {

    @Override
    protected String listPath() {
        return "/api/v1/cohorts";
    }

    @Override
    protected boolean requiresBodyExamples() {
        return true;
    }

    @Override
    protected void writeSomethingPublished() {
        Fixtures.publishedProgram(MembershipEvents.activeSchool("指标学校"));
    }
}
