package org.zhijiao.commons.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.zhijiao.commons.tracing.TraceContexts;
import org.zhijiao.commons.web.RequestIds;

/** Builds problem responses; the one place that knows their shape. */
public final class Problems {

    private Problems() {
    }

    public static Problem of(ProblemType type, String detail, List<Problem.FieldError> errors, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, RequestIds.current(),
                TraceContexts.currentTraceId(), errors);
    }

    public static Response response(ProblemType type, String detail, List<Problem.FieldError> errors,
            HttpServerRequest request) {
        Problem body = of(type, detail, errors, request == null ? null : request.path());
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(body)
                .build();
    }
}
