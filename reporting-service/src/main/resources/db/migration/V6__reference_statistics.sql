-- Statistics on the references the consumer and the rebuild look entities up by (docs/architecture.md,
-- "Reporting: counters kept at write time"). Their indexes are partial (one topic each), and PostgreSQL
-- does not estimate with the statistics of a partial index's expression: `(data ->> 'organizationId') =
-- ANY(?)` with a few hundred ids was estimated at 0.5 % of the table per id, so the planner chose a
-- sequential scan of the whole projection (0.7 s at 1,000,000 memberships, 1.6 s under load) over the
-- index (24 ms). Statistics on the expressions themselves give it the real (unique) distribution.
CREATE STATISTICS projection_membership_organization_stats ON (data ->> 'organizationId') FROM projection;
CREATE STATISTICS projection_enrollment_cohort_stats ON (data ->> 'cohortId') FROM projection;
CREATE STATISTICS projection_enrollment_program_stats ON (data ->> 'programId') FROM projection;
CREATE STATISTICS projection_enrollment_enterprise_stats ON (data ->> 'enterpriseId') FROM projection;
ANALYZE projection;
