package org.zhijiao.reporting.summary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.reporting.summary.SummaryDtos.Summary;

@Path("/api/v1/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Summary", description = "The group's figures as of any day or for any period, from the projections")
public class SummaryResource {

    @Inject
    SummaryService service;

    @Inject
    Clock clock;

    @GET
    // aggregate figures name no tenant, so every role may read them
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "year", value = """
                    {"from": "2022-01-01", "to": "2022-12-31", "period": "YEAR",
                     "figures": {"memberSchools": {"atStart": 9, "atEnd": 10, "new": 1, "exited": 0,
                       "slices": {"schoolLevel": {"SECONDARY_VOCATIONAL": {"atStart": 9, "atEnd": 10, "new": 1, "exited": 0}}}}},
                     "rates": {"completionRate": {"period": 0.95, "cumulative": 0.93, "periodTerms": [19, 20],
                       "cumulativeTerms": [140, 150]}}}""")))
    public Summary get(
            @Parameter(description = "The day to count on", example = "2022-12-31") @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "First day of a custom period", example = "2022-01-01") @QueryParam("from")
            LocalDate from,
            @Parameter(description = "Last day of a custom period", example = "2022-06-30") @QueryParam("to")
            LocalDate to,
            @Parameter(description = "A calendar year", example = "2022") @QueryParam("year") Integer year,
            @Parameter(description = "An academic year, 1 September to 31 August", example = "2022-2023")
            @QueryParam("academicYear") @Size(max = 9) String academicYear,
            @Parameter(description = "Figure keys to compute (repeatable, e.g. `figure=memberSchools`); all when absent")
            @QueryParam("figure") List<@Size(max = 60) String> figures) {
        return service.summary(Period.of(asOf, from, to, year, academicYear, LocalDate.now(clock)), figures);
    }
}
