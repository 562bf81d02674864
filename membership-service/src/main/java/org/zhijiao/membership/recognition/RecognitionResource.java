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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    public Response get(@PathParam("id") UUID id) {
        return Responses.okOrNotFound(service.get(id), "Recognition", id);
    }

    @POST
    @RolesAllowed(Roles.GROUP_ADMIN)
    @APIResponse(responseCode = "201", description = "Recorded")
    public Response grant(@BeanParam IdempotencyKey key, @Valid @NotNull RecognitionRequest request) {
        return idempotency.createIn(key, "/api/v1/recognitions", request,
                () -> service.grant(request, caller.clientId()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.GROUP_ADMIN)
    public Response transition(@BeanParam WriteTarget target, @Valid @NotNull TransitionRequest request) {
        return Responses.ok(service.transition(target.id(), request, target.ifMatch(), caller.clientId()));
    }
}
