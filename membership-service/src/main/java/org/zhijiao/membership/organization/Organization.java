package org.zhijiao.membership.organization;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.aggregate.AggregateRoot;

/** A school, enterprise or other body that is, was or wants to be a member of the group. */
@Entity
@Table(name = "organization")
public class Organization extends AggregateRoot {

    @Embedded
    public BilingualName name;

    /** Unique; absent only for organizations registered outside mainland China. */
    @Column(name = "credit_code", unique = true, length = 18)
    public String creditCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "school_level")
    public SchoolLevel schoolLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "enterprise_size")
    public EnterpriseSize enterpriseSize;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "organization_industry_chain", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "chain_code")
    public Set<String> industryChains = new TreeSet<>();

    @Embedded
    public Region region;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campus", joinColumns = @JoinColumn(name = "organization_id"))
    @OrderColumn(name = "seq")
    public List<Campus> campuses = new ArrayList<>();

    /** The slicing attributes as dated versions (the current ones last); reports use the version in force. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attribute_history", nullable = false)
    public List<AttributeVersion> attributeHistory = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
