package org.zhijiao.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. {@code errors} names the offending fields of a bad request;
 * {@code requestId} lets a caller quote the failing request to operators, and {@code traceId} (W3C, 32 hex
 * digits) follows it, and the change it made, across the gateway, the services and their events.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Stable identifier of the kind of problem",
                example = "https://zhijiao.org/problems/validation") URI type,
        @Schema(example = "Request validation failed") String title,
        @Schema(example = "400") int status,
        @Schema(example = "name.zh: must not be blank") String detail,
        @Schema(example = "/api/v1/organizations") String instance,
        @Schema(example = "6f1d1c1e-7d0b-4b43-9b59-2b0f3c1d2e4f") String requestId,
        @Schema(description = "W3C trace id of the request: the same in every service's logs and spans",
                example = "4bf92f3577b34da6a3ce929d0e0e4736") String traceId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending input field, as a JSON-pointer-like dotted path (e.g. {@code name.zh}). */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "creditCode") String field,
            @Schema(example = "check character does not match") String message) {
    }
}
