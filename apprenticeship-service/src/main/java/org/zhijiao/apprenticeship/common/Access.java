package org.zhijiao.apprenticeship.common;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.zhijiao.commons.problem.Problem;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.problem.ProblemType;
import org.zhijiao.commons.security.Caller;
import org.zhijiao.commons.security.Roles;

/** Object-level authorization rules shared by the resources. */
public final class Access {

    private Access() {
    }

    /**
     * A write on behalf of {@code organizationId} (named by {@code field} of the request): group
     * admins may act for anyone, everybody else only for its own organization.
     */
    public static void requireActsFor(Caller caller, UUID organizationId, String field) {
        if (!caller.isAdmin() && !caller.actsFor(organizationId)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    field + ": you may act only for your own organization",
                    List.of(new Problem.FieldError(field,
                            "is not the caller's organization")));
        }
    }

    /** The school and enterprise a list is confined to; both null for callers who see every tenant. */
    public record Scope(UUID schoolId, UUID enterpriseId) {
    }

    /**
     * Narrows the {@code schoolId} and {@code enterpriseId} filters of a list to the caller's tenant
     * (a school's own school, an enterprise's own enterprise); empty when the caller asked for another
     * tenant's, whose list is then empty.
     */
    public static Optional<Scope> scope(Caller caller, UUID schoolId, UUID enterpriseId) {
        UUID tenant = caller.tenant();
        if (tenant == null) {
            return Optional.of(new Scope(schoolId, enterpriseId));
        }
        boolean asSchool = caller.has(Roles.SCHOOL);
        UUID asked = asSchool ? schoolId : enterpriseId;
        if (asked != null && !asked.equals(tenant)) {
            return Optional.empty();
        }
        return Optional.of(asSchool ? new Scope(tenant, enterpriseId) : new Scope(schoolId, tenant));
    }
}
