package org.zhijiao.commons.web;

import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The optional {@code Idempotency-Key} header of a create, documented once; a create method takes it as
 * {@code @BeanParam IdempotencyKey key} and hands it to {@link Idempotency}.
 */
public class IdempotencyKey {

    @Parameter(in = ParameterIn.HEADER, name = Idempotency.HEADER,
            description = "Retries with the same key return the first response")
    @HeaderParam(Idempotency.HEADER)
    String value;

    /** The key as sent, or null when the caller sent none. */
    public String value() {
        return value;
    }
}
