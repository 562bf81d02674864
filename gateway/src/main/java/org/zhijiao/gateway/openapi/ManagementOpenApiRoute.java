package org.zhijiao.gateway.openapi;

import io.quarkus.vertx.http.ManagementInterface;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The merged document on the management interface as well, at the same path as on the public port:
 * Swagger UI lives there ({@code /q/swagger-ui}) and loads {@code /openapi.json} from its own origin.
 */
@ApplicationScoped
public class ManagementOpenApiRoute {

    @Inject
    MergedOpenApi merged;

    void register(@Observes ManagementInterface management) {
        // blocking: a stale document is rebuilt by asking the services for theirs
        management.router().get("/openapi.json").blockingHandler(rc -> rc.response()
                .putHeader("Content-Type", "application/json")
                .end(merged.document().toString()));
    }
}
