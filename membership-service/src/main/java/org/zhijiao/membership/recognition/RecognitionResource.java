package org.zhijiao.membership.recognition;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.ApiResource;
import org.zhijiao.commons.web.IdempotencyKey;
import org.zhijiao.commons.web.Page;
import org.zhijiao.commons.web.PageRequest;
import org.zhijiao.commons.web.Responses;
import org.zhijiao.commons.web.WriteTarget;
import org.zhijiao.membership.recognition.RecognitionDtos.RecognitionRequest;
import org.zhijiao.membership.recognition.RecognitionDtos.RecognitionView;
import org.zhijiao.membership.recognition.RecognitionDtos.TransitionRequest;

@Path("/api/v1/recognitions")
@Tag(name = "Recognitions", description = "Honours held by the group or its members; public within the group")
// every role reads; each write names who may make it
@RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
public class RecognitionResource extends ApiResource<RecognitionService> {

    @GET
    @Operation(operationId = "listRecognitions", summary = "List recognitions",
            description = "Honours held by the group or by its members, with level and dates; filterable and "
                    + "paginated like every list.")
    public Page<RecognitionView> list(
            @QueryParam("level") RecognitionLevel level,
            @QueryParam("holderOrganizationId") UUID holder,
            @Parameter(description = "Only honours of the group itself") @QueryParam("heldByGroup") Boolean heldByGroup,
            @Parameter(description = "Year awarded", example = "2021") @QueryParam("awardedIn") @Min(1900) @Max(2999)
            Integer awardedIn,
            @Valid @BeanParam PageRequest page) {
        return service.list(new RecognitionService.Filter(level, holder, heldByGroup, awardedIn),
                page.cursor(), page.limit());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRecognition", summary = "Get one recognition",
            description = "The honour, its holder, level, dates and lifecycle; its ETag is the version to send as "
                    + "If-Match when revoking it.")
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(service.get(id), "Recognition", id);
    }

    @POST
    @RolesAllowed(Roles.GROUP_ADMIN)
    @Operation(operationId = "grantRecognition", summary = "Record an honour",
            description = "An honour of the group (heldByGroup) or of a member organization, with its level and the "
                    + "day it was awarded; starts GRANTED.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "provincial backbone group", value = """
            {"titleZh": "山东省骨干职业教育集团", "titleEn": "Shandong provincial backbone vocational education group",
             "level": "PROVINCIAL", "grantedBy": "山东省教育厅", "awardedOn": "2017-12-01"}""")))
    @APIResponse(responseCode = "201", description = "Recorded")
    public Response grant(@BeanParam IdempotencyKey key, @Valid @NotNull RecognitionRequest request) {
        return idempotency.createIn(key, "/api/v1/recognitions", request,
                () -> service.grant(request, caller.clientId()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.GROUP_ADMIN)
    @Operation(operationId = "transitionRecognition", summary = "Revoke a recognition",
            description = "The only transition is REVOKE, dated; requires If-Match with the ETag of your last read.")
    public Response transition(@BeanParam WriteTarget target, @Valid @NotNull TransitionRequest request) {
        return Responses.ok(service.transition(target.id(), request, target.ifMatch(), caller.clientId()));
    }
}
