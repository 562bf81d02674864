package org.zhijiao.gateway.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.zhijiao.gateway.ratelimit.Limit;

/** A registered client (a partner enterprise's system, a school's, the frontend's backend ...). */
@Entity
@Table(name = "gateway_client")
public class ApiClient extends PanacheEntityBase {

    /** Time-ordered, for paging. */
    @Id
    public UUID id;

    /** The OAuth2 {@code client_id} and the tokens' {@code sub}. */
    @Column(name = "client_id")
    public String clientId;

    public String name;

    @Column(name = "organization_id")
    public UUID organizationId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] roles;

    @Column(name = "secret_hash")
    public String secretHash;

    @Enumerated(EnumType.STRING)
    public ClientStatus status;

    @Column(name = "rate_limit_capacity")
    public Integer rateLimitCapacity;

    @Column(name = "rate_limit_refill")
    public Double rateLimitRefill;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "secret_rotated_at")
    public Instant secretRotatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Version
    public long version;

    public Set<String> roleSet() {
        return new TreeSet<>(Set.of(roles));
    }

    /** The client's own limit, or null when its role class decides. */
    public Limit rateLimit() {
        return rateLimitCapacity == null ? null : new Limit(rateLimitCapacity, rateLimitRefill);
    }

    public void rateLimit(Limit limit) {
        rateLimitCapacity = limit == null ? null : limit.capacity();
        rateLimitRefill = limit == null ? null : limit.refillPerSecond();
    }
}
