package org.zhijiao.commons.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.zhijiao.commons.problem.ProblemException;

/** The answers a resource gives with an aggregate's representation, written once. */
public final class Responses {

    private Responses() {
    }

    /** 200 with the representation and its version as ETag. */
    public static Response ok(Versioned view) {
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    /** 201 with the representation, Location {@code collection/<id>} and its version as ETag. */
    public static Response created(String collection, Versioned view) {
        return Response.created(URI.create(collection + "/" + view.id())).entity(view).tag(ETags.of(view.version()))
                .build();
    }

    /** 200 with ETag when found, else a 404 problem naming {@code what}. */
    public static Response okOrNotFound(Optional<? extends Versioned> view, String what, UUID id) {
        return ok(view.orElseThrow(() -> ProblemException.notFound(what, id)));
    }
}
