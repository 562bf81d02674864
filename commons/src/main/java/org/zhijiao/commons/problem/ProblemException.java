package org.zhijiao.commons.problem;

import java.util.List;

/**
 * Thrown by domain and service code for any expected failure; mapped to a problem response.
 * Use the factories so that the same situation always yields the same problem.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " not found");
    }

    public static ProblemException invalidTransition(String what, Object id, Enum<?> from, String action) {
        return new ProblemException(ProblemType.INVALID_TRANSITION,
                "Cannot " + action + " " + what + " " + id + " in state " + from);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, List.of(new Problem.FieldError(field, detail)));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(ProblemType.UNPROCESSABLE, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED, detail);
    }

    public static ProblemException preconditionRequired(String header, String detail) {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED, detail,
                List.of(new Problem.FieldError(header, "required")));
    }

    /** 503: a store the service needs (its database, Kafka) cannot be reached now; the client may retry. */
    public static ProblemException unavailable(String detail, Throwable cause) {
        ProblemException e = new ProblemException(ProblemType.UPSTREAM_UNAVAILABLE, detail);
        e.initCause(cause);
        return e;
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }
}
