package org.zhijiao.reporting.summary;

/**
 * What a figure counts distinct entities of, and so which aggregates' changes can change an entity's
 * contribution. The counters are kept per entity: when an aggregate changes, the entities of each
 * family it feeds are recounted from their inputs (docs/architecture.md, "Reporting: counters").
 */
public enum Family {
    /** Entity = an organization; inputs: its memberships and its organization (dated attributes). */
    ORGANIZATION,
    /** Entity = an enterprise; inputs: the cohorts that list it and its organization. */
    COHORT_ENTERPRISE,
    /** Entity = an enrollment; inputs: the enrollment, its cohort (batch) and its program (kind). */
    ENROLLMENT,
    /** Entities = the mentors of one enterprise; inputs: the enterprise's enrollments and their cohorts. */
    MENTOR,
    /** Entity = the aggregate itself (recognitions, agreements, specialties, programs, cohorts, facilities, reference data). */
    OWN,
    /** Not stored: computed when read from another figure's slices. */
    DERIVED
}
