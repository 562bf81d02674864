package org.zhijiao.reporting.load;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.commons.web.ApiResource;
import org.zhijiao.reporting.load.DataLoadDtos.DataLoadChange;
import org.zhijiao.reporting.load.DataLoadDtos.DataLoadView;

@Path("/api/v1/reporting/data-loads")
@Tag(name = "Data loads", description = "Bulk loads of data through the API (such as the run command's demo data): "
        + "while one is in progress, the annual report says that its figures are partial")
public class DataLoadResource extends ApiResource<DataLoadService> {

    @PUT
    @Path("/{name}")
    @RolesAllowed(Roles.GROUP_ADMIN)
    @APIResponse(responseCode = "200", description = "The load's new state", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "loading", value = """
                    {"name": "reference-group", "state": "LOADING", "changedAt": "2026-11-28T10:00:00Z",
                     "changedBy": "secretariat"}""")))
    public DataLoadView mark(@Parameter(description = "Lower-case letters, digits and hyphens", example = "reference-group")
            @PathParam("name") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "must be 1 to 63 lower-case "
                    + "letters, digits or hyphens, starting with a letter or digit") String name,
            @Valid @NotNull DataLoadChange change) {
        return service.mark(name, change.state(), caller.clientId());
    }

    @GET
    @RolesAllowed({Roles.GROUP_ADMIN, Roles.READ_ONLY, Roles.SCHOOL, Roles.ENTERPRISE})
    @APIResponse(responseCode = "200", description = "The loads", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "done", value = """
                    [{"name": "reference-group", "state": "DONE", "changedAt": "2026-11-28T10:02:10Z",
                      "changedBy": "secretariat"}]""")))
    public List<DataLoadView> list() {
        return service.list();
    }
}
