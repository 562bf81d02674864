package org.zhijiao.reporting.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One submission of a dataset by (or for) a school for a year, with its provenance. The current one
 * for (kind, school, year) has no {@code supersededBy}; earlier ones are kept as history.
 */
@Entity
@Table(name = "dataset_submission")
public class DatasetSubmission extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DatasetKind kind;

    @Column(name = "school_id", nullable = false)
    public UUID schoolId;

    @Column(nullable = false)
    public int year;

    /** The validated entries as submitted, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String entries;

    @Column(nullable = false)
    public long total;

    @Column(name = "source_note", nullable = false)
    public String sourceNote;

    /** Client id of the token that submitted it. */
    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    /** Organization of that token. */
    @Column(name = "submitted_for")
    public UUID submittedFor;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "superseded_by")
    public UUID supersededBy;

    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;
}
