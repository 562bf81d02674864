package org.zhijiao.commons.problem;

import java.net.URI;

/** The closed set of problem kinds every service answers with; their URIs are part of the API. */
public enum ProblemType {
    VALIDATION(400, "validation", "Request validation failed"),
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Resource not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    INVALID_TRANSITION(409, "invalid-transition", "Transition not allowed"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    HEADERS_TOO_LARGE(431, "request-header-fields-too-large", "Request header fields too large"),
    UNPROCESSABLE(422, "unprocessable", "Request cannot be processed"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    INTERNAL(500, "internal", "Internal error"),
    UPSTREAM_UNAVAILABLE(503, "upstream-unavailable", "Service unavailable");

    public static final String BASE = "https://zhijiao.org/problems/";

    private final int status;
    private final URI uri;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.uri = URI.create(BASE + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    /** The generic kind for an HTTP status raised by the framework itself. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != INVALID_TRANSITION && type != MALFORMED_REQUEST) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
