package org.zhijiao.membership.organization;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.ApiResource;
import org.zhijiao.commons.web.IdempotencyKey;
import org.zhijiao.commons.web.Page;
import org.zhijiao.commons.web.PageRequest;
import org.zhijiao.commons.web.Responses;
import org.zhijiao.commons.web.WriteTarget;
import org.zhijiao.membership.organization.OrganizationDtos.CampusRequest;
import org.zhijiao.membership.organization.OrganizationDtos.CampusView;
import org.zhijiao.membership.organization.OrganizationDtos.OrganizationRequest;
import org.zhijiao.membership.organization.OrganizationDtos.OrganizationView;

@Path("/api/v1/organizations")
@Tag(name = "Organizations", description = "Schools, enterprises and other bodies known to the group")
// every role reads; each write names who may make it
@RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
public class OrganizationResource extends ApiResource<OrganizationService> {

    @GET
    public Page<OrganizationView> list(
            @QueryParam("kind") OrganizationKind kind,
            @QueryParam("country") @Pattern(regexp = "[A-Z]{2}") String country,
            @QueryParam("city") @Size(max = 100) String city,
            @QueryParam("industryChain") @Size(max = 40) String industryChain,
            @Parameter(description = "Part of the Chinese or English name") @QueryParam("name") @Size(max = 100) String name,
            @Parameter(description = "Exact unified social credit code") @QueryParam("creditCode") @Size(max = 18)
            String creditCode,
            @Valid @BeanParam PageRequest page) {
        return service.list(new OrganizationService.Filter(kind, country, city, industryChain, name, creditCode,
                caller.tenant()),
                page.cursor(), page.limit());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        if (!caller.seesAll() && !caller.actsFor(id)) {
            throw ProblemException.notFound("Organization", id);
        }
        return Responses.okOrNotFound(service.get(id), "Organization", id);
    }

    @POST
    @RolesAllowed(Roles.GROUP_ADMIN)
    @APIResponse(responseCode = "201", description = "Registered; Location points at it")
    public Response register(@BeanParam IdempotencyKey key, @Valid @NotNull OrganizationRequest request) {
        return idempotency.createIn(key, "/api/v1/organizations", request, () -> service.register(request));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.GROUP_ADMIN)
    public Response update(@BeanParam WriteTarget target, @Valid @NotNull OrganizationRequest request) {
        return Responses.ok(service.update(target.id(), request, target.ifMatch()));
    }

    @POST
    @Path("/{id}/campuses")
    @RolesAllowed(Roles.GROUP_ADMIN)
    @APIResponse(responseCode = "201", description = "Added")
    public Response addCampus(@BeanParam WriteTarget target, @Valid @NotNull CampusRequest request) {
        CampusView campus = service.addCampus(target.id(), request, target.ifMatch());
        return Response.created(URI.create("/api/v1/organizations/" + target.id())).entity(campus).build();
    }
}
