package org.zhijiao.commons.openapi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.zhijiao.commons.problem.ProblemType;
import org.zhijiao.commons.problem.Problems;
import org.zhijiao.commons.web.ETags;
import org.zhijiao.commons.web.Idempotency;

/**
 * Documents the problem responses every operation can give and the headers every response carries, the
 * same way in every service, so the frontend team can rely on them without each resource repeating a
 * dozen annotations: {@code X-Request-Id} on every response; {@code ETag} on the answers that carry a
 * versioned representation (single reads, updates, transitions, creates); {@code Location} on creates and
 * {@code Idempotent-Replayed} on creates that take an {@code Idempotency-Key}; and the bearer token every
 * {@code /api} operation requires.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String MEDIA = "application/problem+json";
    private static final String HEADERS = "#/components/headers/";
    static final String BEARER = "bearer";
    static final String REQUEST_ID = "X-Request-Id";
    static final String ETAG = "ETag";
    static final String LOCATION = "Location";
    static final String REPLAYED = "Idempotent-Replayed";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey("Problem")) {
            components.addSchema("Problem", problemSchema());
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        addHeaders(components);
        Set<String> versioned = versionedResources(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> {
                requireBearer(operation);
                document(path, method, operation, versioned);
                documentHeaders(path, method, operation, versioned);
            });
        });
    }

    /**
     * The paths of versioned resources, i.e. those a write guards with If-Match: a PUT, PATCH or DELETE guards its
     * own path, a POST to {@code …/{id}/action} its parent (as {@code ETags.requireIfMatch} is used). Their reads,
     * the writes and the creates of their collections answer with an ETag.
     */
    private static Set<String> versionedResources(OpenAPI openAPI) {
        Set<String> versioned = new HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (hasParameter(operation, ETags.IF_MATCH)) {
                versioned.add(method == PathItem.HttpMethod.POST ? path.substring(0, path.lastIndexOf('/')) : path);
            }
        }));
        return versioned;
    }

    private static void addHeaders(Components components) {
        header(components, REQUEST_ID, "The request's id: the caller's own when it sent one, else generated; also in "
                + "every problem body (`requestId`) and in the logs", "6f1d1c1e-7d0b-4b43-9b59-2b0f3c1d2e4f");
        header(components, ETAG, "The representation's version (`\"<version>\"`, strong): send it back as If-Match "
                + "to change the resource, or as If-None-Match to revalidate a cached copy", "\"3\"");
        header(components, LOCATION, "Where the created resource lives", "/api/v1/organizations/0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8b");
        header(components, REPLAYED, "`true` when this is the stored first response to the same Idempotency-Key "
                + "(nothing was created this time)", "true");
    }

    private static void header(Components components, String name, String description, String example) {
        if (components.getHeaders() == null || !components.getHeaders().containsKey(name)) {
            components.addHeader(name, OASFactory.createHeader().description(description)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)).example(example));
        }
    }

    /**
     * Every {@code /api} operation takes the gateway's bearer token (the gateway's merged document adds its
     * OAuth2 alternative), so no resource declares it.
     */
    private static void requireBearer(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
        }
    }

    /** Refers every response to the headers it carries; responses declared by reference are documented where defined. */
    private static void documentHeaders(String path, PathItem.HttpMethod method, Operation operation, Set<String> versioned) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        boolean idempotent = hasParameter(operation, Idempotency.HEADER);
        // a read or write of a versioned resource, or a create in a collection of them
        boolean tagged = method == PathItem.HttpMethod.POST && !hasParameter(operation, ETags.IF_MATCH)
                ? versioned.stream().anyMatch(resource -> resource.startsWith(path + "/{") && resource.indexOf('/', path.length() + 1) < 0)
                : versioned.contains(path) || hasParameter(operation, ETags.IF_MATCH);
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (response.getRef() != null) {
                return;
            }
            addHeaderRef(response, REQUEST_ID);
            if (code.equals("201")) {
                addHeaderRef(response, LOCATION);
                if (idempotent) {
                    addHeaderRef(response, REPLAYED);
                }
            }
            if (tagged && (code.equals("200") || code.equals("201") || code.equals("304"))) {
                addHeaderRef(response, ETAG);
            }
        });
    }

    private static void addHeaderRef(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(HEADERS + name));
        }
    }

    private static boolean hasParameter(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> name.equalsIgnoreCase(p.getName()));
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation, Set<String> versioned) {
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean hasId = path.contains("{");
        boolean ifMatch = hasParameter(operation, ETags.IF_MATCH);
        add(operation, "400", "Invalid input; `errors` names each offending field",
                ProblemType.VALIDATION, "name.zh: must not be blank", write || hasQuery(operation));
        add(operation, "401", "Missing, expired or invalid bearer token", ProblemType.UNAUTHORIZED,
                "A valid bearer token is required", true);
        add(operation, "403", "The caller's role does not allow this operation", ProblemType.FORBIDDEN,
                "Your role does not allow this operation", true);
        add(operation, "404", "No such resource, or it belongs to another tenant", ProblemType.NOT_FOUND,
                "Organization 0190a8f0-0000-7000-8000-000000000000 not found", hasId);
        add(operation, "409", "Conflicts with the current state (illegal transition, duplicate, concurrent change)",
                ProblemType.INVALID_TRANSITION, "Cannot suspend membership … in state WITHDRAWN", write);
        add(operation, "412", "If-Match does not match the current version (tags compare strongly: W/ never matches)",
                ProblemType.PRECONDITION_FAILED, "If-Match \"3\" does not match the current version \"4\"", ifMatch);
        add(operation, "428", "If-Match is missing: send the ETag of your last read of this resource",
                ProblemType.PRECONDITION_REQUIRED, "If-Match is required: send the ETag of your last read of this resource",
                ifMatch);
        if (method == PathItem.HttpMethod.GET && versioned.contains(path)) {
            documentNotModified(operation);
        }
        add(operation, "422", "Well-formed but refers to something unusable (e.g. an unknown or inactive organization)",
                ProblemType.UNPROCESSABLE, "organizationId: no such organization", write);
        add(operation, "500", "Unexpected error; quote the requestId", ProblemType.INTERNAL,
                "Unexpected error; quote the request id when reporting it", true);
    }

    /** Reads of a versioned resource carry an ETag, so a cached copy can be revalidated for free. */
    private static void documentNotModified(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().hasAPIResponse("304")) {
            return;
        }
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "If-None-Match".equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParameter(OASFactory.createParameter()
                    .name("If-None-Match")
                    .in(Parameter.In.HEADER)
                    .description("ETag of a cached copy; a 304 without a body answers when it is still current")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                    .example("\"3\""));
        }
        operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not modified: If-None-Match matches the current ETag (compared weakly); no body"));
    }

    private static boolean hasQuery(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() != null && p.getIn().name().equals("QUERY"));
    }

    /** The problem response as the services really send it: the type's URI and its human title. */
    private void add(Operation operation, String code, String description, ProblemType type, String detail,
            boolean applies) {
        if (!applies || operation.getResponses() == null || operation.getResponses().hasAPIResponse(code)) {
            return;
        }
        String slug = type.uri().toString().substring(ProblemType.BASE.length());
        Example example = OASFactory.createExample().value(Problems.example(type, type.status(), detail, null));
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(MEDIA, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                        .addExample(slug, example)));
        operation.getResponses().addAPIResponse(code, response);
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("requestId", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("traceId", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("W3C trace id of the request: the same in every service's logs and spans"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }
}
