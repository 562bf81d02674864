package org.zhijiao.reporting.summary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.reporting.summary.SummaryDtos.MetricDefinition;

@Path("/api/v1/reporting/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Summary")
public class MetricsResource {

    @GET
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
    @APIResponse(responseCode = "200", description = "Definitions, in the summary's order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one", value = """
                    [{"key": "memberSchools", "nameZh": "成员学校", "nameEn": "Member schools", "kind": "count",
                      "definition": "Members (see members) whose organization kind is SCHOOL; …",
                      "slices": ["organizationKind", "schoolLevel"],
                      "sources": ["zhijiao.membership.memberships", "zhijiao.membership.organizations"]}]""")))
    public List<MetricDefinition> list() {
        List<MetricDefinition> definitions = new ArrayList<>();
        FigureCatalog.all().forEach(figure -> definitions.add(figure.describe()));
        definitions.add(FigureCatalog.COMPLETION_RATE);
        return definitions;
    }
}
