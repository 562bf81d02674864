package org.zhijiao.commons.web;

import java.util.Optional;
import java.util.UUID;
import org.zhijiao.commons.security.Caller;

/**
 * The organization a list is narrowed to. A caller confined to its tenant (a school, an enterprise) sees only its
 * own organization's objects: its list filter becomes its tenant, and asking for another organization's gives an
 * empty list. A caller who sees every tenant keeps the filter it asked for (null: every organization).
 */
public record ListScope(UUID organizationId) {

    /** The scope of {@code caller}'s list filtered on {@code requested}; empty when that list is empty. */
    public static Optional<ListScope> of(Caller caller, UUID requested) {
        UUID tenant = caller.tenant();
        if (tenant == null) {
            return Optional.of(new ListScope(requested));
        }
        if (requested != null && !requested.equals(tenant)) {
            return Optional.empty();
        }
        return Optional.of(new ListScope(tenant));
    }
}
