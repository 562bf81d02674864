package org.zhijiao.commons.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the verified bearer token only (never from a plain header): the client
 * id, the organization it acts for and its roles.
 */
@RequestScoped
public class Caller {

    public static final String ORG_CLAIM = "org";
    /** Matches no organization: the scope of a confined caller whose token names none. */
    public static final UUID NOBODY = new UUID(0, 0);

    @Inject
    JsonWebToken token;

    public String clientId() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }

    public Optional<UUID> organizationId() {
        Object claim = token.getClaim(ORG_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean has(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    /** Group admins and read-only callers see every tenant's data. */
    public boolean seesAll() {
        return has(Roles.GROUP_ADMIN) || has(Roles.READ_ONLY);
    }

    /**
     * The organization whose data this caller is confined to, or null when it sees every tenant's
     * data. A confined caller without an organization claim gets {@link #NOBODY}.
     */
    public UUID tenant() {
        return seesAll() ? null : organizationId().orElse(NOBODY);
    }

    public boolean isAdmin() {
        return has(Roles.GROUP_ADMIN);
    }

    /** True when the caller acts for the given organization. */
    public boolean actsFor(UUID organizationId) {
        return organizationId != null && organizationId().map(organizationId::equals).orElse(false);
    }
}
