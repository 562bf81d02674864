package org.zhijiao.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.zhijiao.commons.problem.Problem;
import org.zhijiao.commons.problem.ProblemType;
import org.zhijiao.commons.tracing.TraceContexts;
import org.zhijiao.commons.web.RequestIds;

/** Problem bodies for what the proxy itself answers, outside JAX-RS (so outside its exception mappers). */
@ApplicationScoped
public class ProblemWriter {

    @Inject
    ObjectMapper mapper;

    public void send(RoutingContext rc, ProblemType type, String detail) {
        send(rc, type, type.status(), detail);
    }

    /** {@code status} may refine the type's own (a 502 or 504 is still {@code upstream-unavailable}). */
    public void send(RoutingContext rc, ProblemType type, int status, String detail) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            response.reset(); // the upstream's answer was already on its way: cut it rather than corrupt it
            return;
        }
        if (!rc.request().isEnded()) {
            // an unread request body is dropped, not left blocking the connection; a body already read (the
            // upstream hung up after taking it) cannot be resumed: over HTTP/2 that throws, and no answer would go out
            rc.request().resume();
        }
        Problem problem = new Problem(type.uri(), type.title(), status, detail, rc.request().path(),
                rc.request().getHeader(RequestIds.HEADER), TraceContexts.currentTraceId(), List.of());
        try {
            response.setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(mapper.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem body could not be written", e);
        }
    }
}
