package org.zhijiao.reporting.report;

import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.reporting.report.ReportDtos.AnnualReport;
import org.zhijiao.reporting.summary.Period;
import org.zhijiao.reporting.summary.ProjectionReader;

@Path("/api/v1/reports")
@Tag(name = "Reports", description = "The annual work report, as JSON and as a printable HTML page in Chinese or English")
public class ReportResource {

    /** The group this deployment serves, as its report title names it. */
    @ConfigProperty(name = "zhijiao.group.name-zh", defaultValue = "职业教育集团")
    String groupNameZh;

    @ConfigProperty(name = "zhijiao.group.name-en", defaultValue = "Vocational Education Group")
    String groupNameEn;

    @Inject
    ReportService service;

    @Inject
    Template report;

    @Inject
    ReportCache cache;

    @Inject
    ProjectionReader projections;

    @GET
    @Path("/{year: [0-9]{4}}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "excerpt", value = """
                    {"year": 2022, "figures": [{"key": "memberSchools", "nameZh": "成员学校", "nameEn": "Member schools",
                      "value": 10, "previous": 9, "change": 1, "changePercent": 11.1, "entered": 1, "exited": 0}],
                     "membersTrend": [{"year": 2022, "members": 98}]}""")))
    public AnnualReport json(@Parameter(example = "2022") @PathParam("year") int year) {
        int checked = reportYear(year);
        return cache.get("json/" + checked, () -> service.annual(checked));
    }

    @GET
    @Path("/{year: [0-9]{4}}")
    // JSON stays the default for clients that accept anything
    @Produces("text/html;qs=0.5")
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
    @APIResponse(responseCode = "200", description = "Printable HTML page with inline SVG charts",
            content = @Content(mediaType = MediaType.TEXT_HTML, examples = @ExampleObject(name = "page",
                    value = "<!DOCTYPE html><html lang=\"zh\">…</html>")))
    public String htmlByAccept(@PathParam("year") int year,
            @Parameter(description = "zh or en", example = "zh") @QueryParam("lang") @DefaultValue("zh") String lang) {
        return html(year, lang);
    }

    @GET
    @Path("/{year: [0-9]{4}}.html")
    @Produces(MediaType.TEXT_HTML)
    @PermitAll // the annual work report is a published document of aggregate figures
    @APIResponse(responseCode = "200", description = "Printable HTML page with inline SVG charts",
            content = @Content(mediaType = MediaType.TEXT_HTML, examples = @ExampleObject(name = "page",
                    value = "<!DOCTYPE html><html lang=\"en\">…</html>")))
    public String html(@Parameter(example = "2022") @PathParam("year") int year,
            @Parameter(description = "zh or en", example = "en") @QueryParam("lang") @DefaultValue("zh") String lang) {
        if (!lang.equals("zh") && !lang.equals("en")) {
            throw ProblemException.invalid("lang", "must be zh or en");
        }
        int checked = reportYear(year);
        return cache.get("html/" + lang + "/" + checked, () -> report.data("page", ReportPage.of(
                cache.get("json/" + checked, () -> service.annual(checked)), lang,
                lang.equals("zh") ? groupNameZh : groupNameEn, ValueNames.with(projections.referenceItems()))).render());
    }

    /** The year before must be countable too, for the comparison. */
    private static int reportYear(int year) {
        if (year <= Period.FIRST_YEAR || year > Period.LAST_YEAR) {
            throw ProblemException.invalid("year", "must be a year from " + (Period.FIRST_YEAR + 1) + " to "
                    + Period.LAST_YEAR);
        }
        return year;
    }
}
