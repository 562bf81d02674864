package org.zhijiao.membership;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.zhijiao.testing.LocalStackTestResource;

/** Every test in this module runs against the local stack's real PostgreSQL and Kafka. */
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "membership"))
public final class TestStack {

    private TestStack() {
    }
}
