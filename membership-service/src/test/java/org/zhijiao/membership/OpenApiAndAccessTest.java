package org.zhijiao.membership;

import io.quarkus.test.junit.QuarkusTest;
import org.zhijiao.testing.OpenApiAndAccessContract;

/** The published spec is complete, and every operation it lists has an access rule that holds. */
@QuarkusTest
class OpenApiAndAccessTest extends OpenApiAndAccessContract {

    @Override
    protected String listPath() {
        return "/api/v1/organizations";
    }

    @Override
    protected boolean requiresBodyExamples() {
        return false;
    }

    @Override
    protected void writeSomethingPublished() {
        Fixtures.register(Fixtures.enterprise("指标企业（虚构）"));
    }
}
