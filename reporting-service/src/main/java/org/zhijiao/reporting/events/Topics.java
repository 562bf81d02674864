package org.zhijiao.reporting.events;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The topics the projections are built from (docs/events/), with the event types each contract
 * allows and the shape of its data. An event of another type is malformed for that topic.
 */
public final class Topics {

    public static final String ORGANIZATIONS = "zhijiao.membership.organizations";
    public static final String MEMBERSHIPS = "zhijiao.membership.memberships";
    public static final String AGREEMENTS = "zhijiao.membership.agreements";
    public static final String RECOGNITIONS = "zhijiao.membership.recognitions";
    public static final String REFERENCE_DATA = "zhijiao.membership.reference-data";
    public static final String SPECIALTIES = "zhijiao.apprenticeship.specialties";
    public static final String PROGRAMS = "zhijiao.apprenticeship.programs";
    public static final String COHORTS = "zhijiao.apprenticeship.cohorts";
    public static final String ENROLLMENTS = "zhijiao.apprenticeship.enrollments";
    public static final String FACILITIES = "zhijiao.apprenticeship.facilities";
    public static final String DEAD_LETTERS = "zhijiao.reporting.dlq";

    /** Topic → (data type, the event type prefix its contract allows: {@code org.zhijiao.<aggregate>.}). */
    private static final Map<String, Contract> CONTRACTS = Map.of(
            ORGANIZATIONS, new Contract(EventData.Organization.class, "organization",
                    Set.of("registered", "updated", "campus-added")),
            MEMBERSHIPS, new Contract(EventData.Membership.class, "membership",
                    Set.of("applied", "under-review", "activated", "rejected", "suspended", "reinstated", "withdrawn",
                            "expelled", "changed")),
            AGREEMENTS, new Contract(EventData.Agreement.class, "agreement",
                    Set.of("drafted", "revised", "submitted", "returned-to-draft", "signed", "expired", "terminated",
                            "superseded")),
            RECOGNITIONS, new Contract(EventData.Recognition.class, "recognition", Set.of("granted", "revoked")),
            REFERENCE_DATA, new Contract(EventData.ReferenceItem.class, "reference-item", Set.of("defined", "updated")),
            SPECIALTIES, new Contract(EventData.Specialty.class, "specialty",
                    Set.of("offered", "changed", "designated", "discontinued", "resumed")),
            PROGRAMS, new Contract(EventData.Program.class, "program",
                    Set.of("drafted", "changed", "approved", "returned-to-draft", "published", "retired")),
            COHORTS, new Contract(EventData.Cohort.class, "cohort",
                    Set.of("planned", "changed", "recruitment-opened", "started", "closed", "cancelled")),
            ENROLLMENTS, new Contract(EventData.Enrollment.class, "enrollment",
                    Set.of("created", "changed", "agreement-revised", "agreement-confirmed", "staff-assigned",
                            "registered", "started", "paused", "resumed", "completed", "withdrawn")),
            FACILITIES, new Contract(EventData.Facility.class, "facility",
                    Set.of("planned", "changed", "established", "suspended", "resumed", "closed")));

    /** Every projected topic, in a fixed order (freshness lists them so). */
    public static final List<String> ALL = List.of(ORGANIZATIONS, MEMBERSHIPS, AGREEMENTS, RECOGNITIONS, REFERENCE_DATA,
            SPECIALTIES, PROGRAMS, COHORTS, ENROLLMENTS, FACILITIES);

    private Topics() {
    }

    public static Contract contract(String topic) {
        return CONTRACTS.get(topic);
    }

    /** What a topic's events look like. */
    public record Contract(Class<? extends EventData> dataType, String aggregate, Set<String> changes) {

        public boolean allows(String eventType) {
            String prefix = "org.zhijiao." + aggregate + ".";
            return eventType.startsWith(prefix) && changes.contains(eventType.substring(prefix.length()));
        }
    }
}
