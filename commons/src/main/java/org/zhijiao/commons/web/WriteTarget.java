package org.zhijiao.commons.web;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What every write to an existing aggregate names: its {@code {id}} in the path and, in {@code If-Match}, the
 * ETag of the caller's last read of it (required: {@link ETags#requireIfMatch}). A write method takes it as
 * {@code @BeanParam WriteTarget target}.
 */
public class WriteTarget {

    @PathParam("id")
    UUID id;

    @Parameter(in = ParameterIn.HEADER, name = ETags.IF_MATCH, required = true, description = "ETag from a previous read")
    @HeaderParam(ETags.IF_MATCH)
    String ifMatch;

    public UUID id() {
        return id;
    }

    /** The If-Match header as sent; the service checks it against the current version. */
    public String ifMatch() {
        return ifMatch;
    }
}
