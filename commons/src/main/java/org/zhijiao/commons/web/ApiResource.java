package org.zhijiao.commons.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.zhijiao.commons.security.Caller;

/**
 * What every JSON resource of the API shares, written once: it reads and writes JSON, fronts one service, and
 * knows its caller and the store of Idempotency-Key answers. A resource adds only what is its own — its path,
 * tag, access rule and operations; the bearer token every {@code /api} operation requires, the problem answers
 * and the headers are documented once, by {@link org.zhijiao.commons.openapi.ProblemResponsesFilter}.
 *
 * @param <S> the service the resource fronts
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class ApiResource<S> {

    @Inject
    protected S service;

    @Inject
    protected Caller caller;

    @Inject
    protected Idempotency idempotency;
}
