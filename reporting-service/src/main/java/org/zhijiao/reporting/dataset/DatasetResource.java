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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
    @Operation(operationId = "submitAdmissions", summary = "Submit a school's admissions of a year",
            description = "By admission route (the six levels) and specialty category. A school submits for itself; "
                    + "the group admin for any school (schoolId required).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "admissions", value = """
            {"schoolId": "0190a8f0-7c3e-7d2a-9a1b-3c4d5e6f7a8b", "year": 2022,
             "sourceNote": "2022 admissions roll, approved by the municipal education bureau",
             "entries": [{"level": "THREE_PLUS_FOUR", "specialtyCategory": "ELECTRONICS_INFORMATION", "admitted": 120, "planned": 120},
                         {"level": "SECONDARY_VOCATIONAL", "specialtyCategory": "FINANCE_COMMERCE", "admitted": 85}]}""")))
    @APIResponse(responseCode = "201", description = "Stored; it is now the current submission")
    public Response submitAdmissions(@Valid @NotNull AdmissionsSubmission body) {
        return created(service.submit(DatasetKind.ADMISSIONS, school(body.schoolId()), body.year(), body.sourceNote(),
                body.entries(), submitter()));
    }

    @POST
    @Path("/graduate-destinations")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.SCHOOL})
    @Operation(operationId = "submitGraduateDestinations", summary = "Submit where a school's graduates of a year went",
            description = "By specialty category and destination. Same rules as admissions.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "destinations", value = """
            {"year": 2022, "sourceNote": "Graduate destination survey of 2022-08-31",
             "entries": [{"specialtyCategory": "ELECTRONICS_INFORMATION", "destination": "FURTHER_STUDY", "graduates": 310},
                         {"specialtyCategory": "ELECTRONICS_INFORMATION", "destination": "EMPLOYED", "graduates": 95}]}""")))
    @APIResponse(responseCode = "201", description = "Stored; it is now the current submission")
    public Response submitDestinations(@Valid @NotNull DestinationsSubmission body) {
        return created(service.submit(DatasetKind.GRADUATE_DESTINATIONS, school(body.schoolId()), body.year(),
                body.sourceNote(), body.entries(), submitter()));
    }

    @GET
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL})
    @Operation(operationId = "listDatasets", summary = "List submissions, newest first",
            description = "Current submissions only unless includeSuperseded=true (the history). A school sees its own.")
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
    @Operation(operationId = "getDataset", summary = "Get one submission with its provenance",
            description = "The submitted entries with their provenance (who, for which school, when, source note) "
                    + "and whether a later submission superseded it.")
    public DatasetView get(@PathParam("id") UUID id) {
        return service.get(id).filter(d -> caller.seesAll() || caller.actsFor(d.schoolId()))
                .orElseThrow(() -> ProblemException.notFound("Dataset", id));
    }

    @GET
    @Path("/totals")
    // group totals name no school, so every role may read them
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
    @Operation(operationId = "getDatasetTotals", summary = "The group's totals of a kind for a year",
            description = "Summed over the current submission of every school.")
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
