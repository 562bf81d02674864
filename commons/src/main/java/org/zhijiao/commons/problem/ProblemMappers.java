package org.zhijiao.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.zhijiao.commons.json.InvalidValueException;

/**
 * Maps every failure a request can meet to an RFC 9457 problem, one method per kind of failure.
 * Anything unexpected is a logged 500 that never leaks internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Response response = Problems.response(e.type(), e.getMessage(), e.errors(), request);
        if (e.type() == ProblemType.UPSTREAM_UNAVAILABLE) {
            // a store away for a moment: tell clients when to try again (RFC 9110 §10.2.3)
            return Response.fromResponse(response).header("Retry-After", "5").build();
        }
        return response;
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        boolean returnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> v.getPropertyPath().toString().contains("<return value>"));
        if (returnValue) {
            LOG.errorf(e, "Response failed validation");
            return Problems.response(ProblemType.INTERNAL, "The service produced an invalid response", List.of(), request);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problems.response(ProblemType.VALIDATION, detail, errors, request);
    }

    // Jackson's own mappers are registered for the exact subtypes; ours must name them to win.
    @ServerExceptionMapper(value = {JsonProcessingException.class, MismatchedInputException.class,
            JsonParseException.class, UnrecognizedPropertyException.class, InvalidFormatException.class}, priority = 1)
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        return jsonProblem(e, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return jsonProblem(json, request);
            }
            if (cause instanceof ProblemException problem) {
                return problem(problem, request);
            }
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = status == 404 ? "No resource at " + request.path() : type.title();
        Response problem = Problems.response(type, detail, List.of(), request);
        if (status >= 500) {
            LOG.errorf(e, "Request failed with %d", status);
        }
        // keep headers the framework set, e.g. Allow on a 405
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpServerRequest request) {
        return concurrentChange(request);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, HttpServerRequest request) {
        return concurrentChange(request);
    }

    @ServerExceptionMapper
    public Response dataConstraint(org.hibernate.exception.ConstraintViolationException e, HttpServerRequest request) {
        // a race past the service's own checks (e.g. two creates with the same unique key)
        LOG.debugf(e, "Database constraint %s violated", e.getConstraintName());
        return Problems.response(ProblemType.CONFLICT,
                "The change conflicts with existing data (" + e.getConstraintName() + ")", List.of(), request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return Problems.response(ProblemType.FORBIDDEN, "Your role does not allow this operation", List.of(), request);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (e instanceof WebApplicationException wae) {
            return webApplication(wae, request);
        }
        LOG.errorf(e, "Unexpected failure on %s %s", request.method(), request.path());
        return Problems.response(ProblemType.INTERNAL, "Unexpected error; quote the request id when reporting it",
                List.of(), request);
    }

    private static Response unauthenticated(HttpServerRequest request) {
        return Response.fromResponse(Problems.response(ProblemType.UNAUTHORIZED,
                        "A valid bearer token is required", List.of(), request))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    private static Response concurrentChange(HttpServerRequest request) {
        return Problems.response(ProblemType.CONFLICT,
                "The resource was changed concurrently; read it again and retry", List.of(), request);
    }

    private static Response jsonProblem(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            String message = messageOf(mapping);
            return Problems.response(ProblemType.VALIDATION, field + ": " + message,
                    List.of(new Problem.FieldError(field, message)), request);
        }
        JsonParser parser = e instanceof InputCoercionException coercion ? coercion.getProcessor() : null;
        if (parser != null && parser.getParsingContext() != null && parser.getParsingContext().hasPathSegment()) {
            // a number too large for its field: valid JSON, and the parser knows where it stopped
            InputCoercionException coercion = (InputCoercionException) e;
            String field = fieldOf(parser.getParsingContext());
            String message = "number out of range for " + simpleType(coercion.getTargetType());
            return Problems.response(ProblemType.VALIDATION, field + ": " + message,
                    List.of(new Problem.FieldError(field, message)), request);
        }
        String location = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problems.response(ProblemType.MALFORMED_REQUEST, "Request body is not valid JSON" + location,
                List.of(), request);
    }

    /** {@code /cohort/places/0/count} → {@code cohort.places[0].count}. */
    private static String fieldOf(JsonStreamContext context) {
        StringBuilder field = new StringBuilder();
        for (String segment : context.pathAsPointer().toString().substring(1).split("/")) {
            if (segment.chars().allMatch(Character::isDigit) && !field.isEmpty()) {
                field.append('[').append(segment).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return field.toString();
    }

    private static String messageOf(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidValueException invalid) {
            return invalid.reason();
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            return "cannot be read as " + simpleType(target);
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatch) {
            return "expected " + simpleType(mismatch.getTargetType());
        }
        return "invalid value";
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "a different type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        return "an object";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code create.request.name.zh} → {@code name.zh}; {@code list.limit} → {@code limit}. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // "<list element>" names nothing the caller sent: figure[0], codes[1], sections[KEY]
                appendIndex(field, node);
                continue;
            }
            boolean bodyParameter = node.getKind() == ElementKind.PARAMETER && i < nodes.size() - 1
                    && nodes.get(i + 1).getKind() != ElementKind.CONTAINER_ELEMENT;
            if (bodyParameter || node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getKind() == ElementKind.PARAMETER
                    ? requestName(violation, nodes.get(0), node).orElse(node.getName()) : node.getName());
            appendIndex(field, node);
        }
        return field.isEmpty() ? "request" : field.toString();
    }

    /** The name the caller used ({@code @QueryParam("figure")}) for a Java parameter ({@code figures}). */
    private static java.util.Optional<String> requestName(ConstraintViolation<?> violation, Path.Node method,
            Path.Node parameter) {
        if (method.getKind() != ElementKind.METHOD || violation.getRootBeanClass() == null) {
            return java.util.Optional.empty();
        }
        Class<?>[] types = method.as(Path.MethodNode.class).getParameterTypes().toArray(Class[]::new);
        int index = parameter.as(Path.ParameterNode.class).getParameterIndex();
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            try {
                for (java.lang.annotation.Annotation annotation
                        : type.getDeclaredMethod(method.getName(), types).getParameterAnnotations()[index]) {
                    if (annotation instanceof jakarta.ws.rs.QueryParam query) {
                        return java.util.Optional.of(query.value());
                    }
                    if (annotation instanceof jakarta.ws.rs.PathParam path) {
                        return java.util.Optional.of(path.value());
                    }
                    if (annotation instanceof jakarta.ws.rs.HeaderParam header) {
                        return java.util.Optional.of(header.value());
                    }
                }
            } catch (NoSuchMethodException e) {
                // declared further up
            }
            // an override without the annotations (e.g. the container's intercepting subclass): look further up
        }
        return java.util.Optional.empty();
    }

    private static void appendIndex(StringBuilder field, Path.Node node) {
        if (node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
            field.append('[').append(node.getKey()).append(']');
        }
    }
}
