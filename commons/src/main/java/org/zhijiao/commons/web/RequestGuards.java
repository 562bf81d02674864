package org.zhijiao.commons.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.zhijiao.commons.problem.Problem;
import org.zhijiao.commons.problem.ProblemType;
import org.zhijiao.commons.problem.Problems;

/**
 * What every resource of every service gets for free: a request line longer than
 * {@value #MAX_URI_LENGTH} characters is a 414 problem, header fields adding up to more than
 * {@value #MAX_HEADER_SIZE} characters a 431 problem; parameters carrying control characters
 * (PostgreSQL cannot even store a NUL) are a 400 naming the parameter before any resource runs;
 * and a read whose {@code If-None-Match} matches the current ETag is a 304 without a body.
 */
public class RequestGuards {

    /**
     * Longer URIs are refused with a problem body. Vert.x itself refuses request lines over
     * {@code quarkus.http.limits.max-initial-line-length} (set well above this in the commons
     * defaults) with a bare 414, before any application code runs.
     */
    public static final int MAX_URI_LENGTH = 8192;

    /**
     * Larger header sections are refused with a problem body: Vert.x's own default limit, so what it used
     * to accept still passes. Vert.x itself refuses header sections over
     * {@code quarkus.http.limits.max-header-size} (set well above this in the commons defaults) with a
     * bare 431.
     */
    public static final int MAX_HEADER_SIZE = 20 * 1024;

    /**
     * The size of a request's header section: each field's name and value (Vert.x's limit also counts
     * the separators, so its bare 431 comes a little earlier than 64 KiB of these).
     */
    public static int headerSize(MultiMap headers) {
        int size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length();
        }
        return size;
    }

    /** The 431 problem's detail, the same from every service and the gateway. */
    public static String headersTooLargeDetail(int size) {
        return "The request's header fields add up to " + size + " characters, more than " + MAX_HEADER_SIZE
                + "; send fewer or shorter headers (cookies included)";
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> rejectLargeHeaders(HttpServerRequest request) {
        int size = headerSize(request.headers());
        if (size <= MAX_HEADER_SIZE) {
            return Optional.empty();
        }
        return Optional.of(Problems.response(ProblemType.HEADERS_TOO_LARGE, headersTooLargeDetail(size), List.of(), request));
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> rejectLongUris(HttpServerRequest request) {
        if (request.uri().length() <= MAX_URI_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(Problems.response(ProblemType.URI_TOO_LONG, "The request URI is longer than "
                + MAX_URI_LENGTH + " characters; send long criteria in fewer or shorter parameters", List.of(), request));
    }

    @ServerRequestFilter
    public Optional<Response> rejectControlCharacters(UriInfo uri, HttpServerRequest request) {
        Optional<String> bad = offending(uri.getPathParameters())
                .or(() -> offending(uri.getQueryParameters()));
        return bad.map(name -> Problems.response(ProblemType.VALIDATION, name + ": must not contain control characters",
                List.of(new Problem.FieldError(name, "must not contain control characters")), request));
    }

    @ServerResponseFilter
    public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        EntityTag current = response.getEntityTag();
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if ((HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) && response.getStatus() == 200
                && current != null && ifNoneMatch != null && ETags.noneMatchMatches(ifNoneMatch, current)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    private static Optional<String> offending(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (ControlCharacters.present(parameter.getKey())) {
                return Optional.of("query");
            }
            for (String value : parameter.getValue()) {
                if (value != null && ControlCharacters.present(value)) {
                    return Optional.of(parameter.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
