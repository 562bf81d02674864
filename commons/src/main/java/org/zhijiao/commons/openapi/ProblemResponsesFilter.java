package org.zhijiao.commons.openapi;

import java.util.List;
import java.util.Map;
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

/**
 * Documents the problem responses every operation can give, the same way in every service, so the
 * frontend team can rely on them without each resource repeating a dozen annotations.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String MEDIA = "application/problem+json";

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
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> document(path, method, operation));
        });
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean hasId = path.contains("{");
        boolean ifMatch = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        add(operation, "400", "Invalid input; `errors` names each offending field",
                "validation", 400, "name.zh: must not be blank", write || hasQuery(operation));
        add(operation, "401", "Missing, expired or invalid bearer token", "unauthorized", 401,
                "A valid bearer token is required", true);
        add(operation, "403", "The caller's role does not allow this operation", "forbidden", 403,
                "Your role does not allow this operation", true);
        add(operation, "404", "No such resource, or it belongs to another tenant", "not-found", 404,
                "Organization 0190a8f0-0000-7000-8000-000000000000 not found", hasId);
        add(operation, "409", "Conflicts with the current state (illegal transition, duplicate, concurrent change)",
                "invalid-transition", 409, "Cannot suspend membership … in state WITHDRAWN", write);
        add(operation, "412", "If-Match does not match the current version (tags compare strongly: W/ never matches)",
                "precondition-failed", 412, "If-Match \"3\" does not match the current version \"4\"", ifMatch);
        add(operation, "428", "If-Match is missing: send the ETag of your last read of this resource",
                "precondition-required", 428, "If-Match is required: send the ETag of your last read of this resource",
                ifMatch);
        if (method == PathItem.HttpMethod.GET && hasId) {
            documentNotModified(operation);
        }
        add(operation, "422", "Well-formed but refers to something unusable (e.g. an unknown or inactive organization)",
                "unprocessable", 422, "organizationId: no such organization", write);
        add(operation, "500", "Unexpected error; quote the requestId", "internal", 500,
                "Unexpected error; quote the request id when reporting it", true);
    }

    /** Single-resource reads carry an ETag, so a cached copy can be revalidated for free. */
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

    private void add(Operation operation, String code, String description, String slug, int status, String detail,
            boolean applies) {
        if (!applies || operation.getResponses() == null || operation.getResponses().hasAPIResponse(code)) {
            return;
        }
        Example example = OASFactory.createExample()
                .value(Map.of(
                        "type", "https://zhijiao.org/problems/" + slug,
                        "title", slug,
                        "status", status,
                        "detail", detail,
                        "requestId", "6f1d1c1e-7d0b-4b43-9b59-2b0f3c1d2e4f",
                        "traceId", "4bf92f3577b34da6a3ce929d0e0e4736"));
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
