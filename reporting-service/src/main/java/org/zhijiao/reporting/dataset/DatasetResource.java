package org.zhijiao.reporting.dataset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.ApiResource;
import org.zhijiao.commons.web.ListScope;
import org.zhijiao.commons.web.Page;
import org.zhijiao.commons.web.PageRequest;
import org.zhijiao.reporting.dataset.DatasetDtos.AdmissionsSubmission;
import org.zhijiao.reporting.dataset.DatasetDtos.DatasetTotals;
import org.zhijiao.reporting.dataset.DatasetDtos.DatasetView;
import org.zhijiao.reporting.dataset.DatasetDtos.DestinationsSubmission;

@Path("/api/v1/datasets")
@Tag(name = "Datasets", description = "Figures no service owns (admissions, graduate destinations), submitted by schools "
        + "with provenance; a resubmission for the same school, year and kind supersedes the previous one")
public class DatasetResource extends ApiResource<DatasetService> {

    @POST
    @Path("/admissions")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @APIResponse(responseCode = "201", description = "Stored; it is now the current submission")
    public Response submitAdmissions(@Valid @NotNull AdmissionsSubmission body) {
        return created(service.submit(DatasetKind.ADMISSIONS, school(body.schoolId()), body.year(), body.sourceNote(),
                body.entries(), submitter()));
    }

    @POST
    @Path("/graduate-destinations")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @APIResponse(responseCode = "201", description = "Stored; it is now the current submission")
    public Response submitDestinations(@Valid @NotNull DestinationsSubmission body) {
        return created(service.submit(DatasetKind.GRADUATE_DESTINATIONS, school(body.schoolId()), body.year(),
                body.sourceNote(), body.entries(), submitter()));
    }

    @GET
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL})
    public Page<DatasetView> list(@QueryParam("kind") DatasetKind kind,
            @QueryParam("year") @Min(1949) @Max(2199) Integer year,
            @QueryParam("schoolId") UUID schoolId,
            @QueryParam("includeSuperseded") @DefaultValue("false") boolean includeSuperseded,
            @Valid @BeanParam PageRequest page) {
        return ListScope.of(caller, schoolId)
                .map(scope -> service.list(kind, year, scope.organizationId(), includeSuperseded, page.cursor(),
                        page.limit()))
                .orElseGet(Page::empty);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL})
    public DatasetView get(@PathParam("id") UUID id) {
        return service.get(id).filter(d -> caller.seesAll() || caller.actsFor(d.schoolId()))
                .orElseThrow(() -> ProblemException.notFound("Dataset", id));
    }

    @GET
    @Path("/totals")
    // group totals name no school, so every role may read them
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
    @APIResponse(responseCode = "200", description = "Totals", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "admissions", value = """
                    {"kind": "ADMISSIONS", "year": 2022, "schools": 1, "total": 205,
                     "totals": {"byLevel": {"SECONDARY_VOCATIONAL": 85, "THREE_PLUS_FOUR": 120},
                                "bySpecialtyCategory": {"ELECTRONICS_INFORMATION": 120, "FINANCE_COMMERCE": 85}}}""")))
    public DatasetTotals totals(@QueryParam("kind") @NotNull DatasetKind kind,
            @QueryParam("year") @NotNull @Min(1949) @Max(2199) Integer year) {
        return service.totals(kind, year);
    }

    /** A school submits for itself only; the admin must name the school. */
    private UUID school(UUID requested) {
        if (caller.isAdmin()) {
            if (requested == null) {
                throw ProblemException.invalid("schoolId", "is required when the group admin submits");
            }
            return requested;
        }
        UUID own = caller.organizationId().orElseThrow(() -> ProblemException.forbidden("The token names no school"));
        if (requested != null && !requested.equals(own)) {
            throw ProblemException.forbidden("A school submits its own datasets only");
        }
        return own;
    }

    private DatasetService.Submitter submitter() {
        return new DatasetService.Submitter(caller.clientId(), caller.organizationId().orElse(null));
    }

    private static Response created(DatasetView view) {
        return Response.created(URI.create("/api/v1/datasets/" + view.id())).entity(view).build();
    }
}
