package org.zhijiao.commons.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * A problem body as the OpenAPI examples show it: the members in the order the services write them
     * (so a generated document comes out the same every build), made-up ids; {@code instance} when not null.
     * {@code status} is the type's own unless a proxy answers it with another (the gateway's 502 and 504).
     */
    public static Map<String, Object> example(ProblemType type, int status, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("requestId", "6f1d1c1e-7d0b-4b43-9b59-2b0f3c1d2e4f");
        body.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        return body;
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
