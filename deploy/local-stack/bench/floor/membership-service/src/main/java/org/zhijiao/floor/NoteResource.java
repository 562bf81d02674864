package org.zhijiao.floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** One resource, so that the REST layer boots as it does in a service. */
@Path("/notes")
public class NoteResource {

    @GET
    public List<Note> list() {
        return Note.listAll();
    }
}
