package org.zhijiao.apprenticeship;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.zhijiao.testing.LocalStackTestResource;

/** Every test in this module runs against the local stack's real PostgreSQL and Kafka. */
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "apprenticeship"))
public final class TestStack {

    private TestStack() {
    }
}
