package org.zhijiao.reporting.events;

import java.util.Map;
import java.util.Set;
import org.zhijiao.commons.events.Topics;

/**
 * The contracts of the topics the projections are built from (all of {@link Topics#ALL}; docs/events/):
 * the event types each allows and the shape of its data. An event of another type is malformed for
 * that topic.
 */
public final class TopicContracts {

    /** Where the consumer parks the records it cannot read. */
    public static final String DEAD_LETTERS = "zhijiao.reporting.dlq";

    /** Topic → (data type, the event type prefix its contract allows: {@code org.zhijiao.<aggregate>.}). */
    private static final Map<String, Contract> CONTRACTS = Map.of(
            Topics.ORGANIZATIONS, new Contract(EventData.Organization.class, "organization",
                    Set.of("registered", "updated", "campus-added")),
            Topics.MEMBERSHIPS, new Contract(EventData.Membership.class, "membership",
                    Set.of("applied", "under-review", "activated", "rejected", "suspended", "reinstated", "withdrawn",
                            "expelled", "changed")),
            Topics.AGREEMENTS, new Contract(EventData.Agreement.class, "agreement",
                    Set.of("drafted", "revised", "submitted", "returned-to-draft", "signed", "expired", "terminated",
                            "superseded")),
            Topics.RECOGNITIONS, new Contract(EventData.Recognition.class, "recognition", Set.of("granted", "revoked")),
            Topics.REFERENCE_DATA, new Contract(EventData.ReferenceItem.class, "reference-item",
                    Set.of("defined", "updated")),
            Topics.SPECIALTIES, new Contract(EventData.Specialty.class, "specialty",
                    Set.of("offered", "changed", "designated", "discontinued", "resumed")),
            Topics.PROGRAMS, new Contract(EventData.Program.class, "program",
                    Set.of("drafted", "changed", "approved", "returned-to-draft", "published", "retired")),
            Topics.COHORTS, new Contract(EventData.Cohort.class, "cohort",
                    Set.of("planned", "changed", "recruitment-opened", "started", "closed", "cancelled")),
            Topics.ENROLLMENTS, new Contract(EventData.Enrollment.class, "enrollment",
                    Set.of("created", "changed", "agreement-revised", "agreement-confirmed", "staff-assigned",
                            "registered", "started", "paused", "resumed", "completed", "withdrawn")),
            Topics.FACILITIES, new Contract(EventData.Facility.class, "facility",
                    Set.of("planned", "changed", "established", "suspended", "resumed", "closed")));

    private TopicContracts() {
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
