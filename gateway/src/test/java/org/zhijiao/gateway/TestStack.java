package org.zhijiao.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.zhijiao.testing.LocalStackTestResource;

/**
 * Every test in this module runs the gateway against the local stack's real PostgreSQL, with the real
 * membership-service behind it and small stand-in upstreams for the failure cases.
 */
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "gateway"))
@QuarkusTestResource(value = UpstreamsTestResource.class, restrictToAnnotatedClass = false)
public final class TestStack {

    private TestStack() {
    }
}
