package org.zhijiao.reporting.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.zhijiao.commons.consumer.MalformedEventException;
import org.zhijiao.commons.lifecycle.DatedStep;

/**
 * The part of each topic's data the projections read (docs/events/&lt;topic&gt;.schema.json). Fields
 * the reports do not use are ignored, so a producer may add fields without breaking this consumer;
 * a missing required field makes the event malformed.
 */
public sealed interface EventData {

    /** The record key the producer used: the aggregate id (reference data: {@code <kind>/<code>}). */
    String key();

    long version();

    /** Throws {@link MalformedEventException} naming the first required field that is missing. */
    void validate();

    /** Lifecycle aggregates: the dated steps, so "state on day D" is the last step on or before D. */
    interface WithHistory {
        List<Step> history();
    }

    /**
     * One step of a lifecycle as the reports read it: the state entered and the day it took effect. The rest of
     * the published step (action, reason, who recorded it and when) is not read, so not parsed either.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Step(String status, LocalDate on) implements DatedStep {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Region(String city, String province, String country) {
    }

    /**
     * The attributes of an organization that slice the figures, in force from {@code from} (null: since
     * ever) until the next version's {@code from}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attributes(LocalDate from, String kind, String schoolLevel, String enterpriseSize,
            List<String> industryChains, Region region, Boolean overseas) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Organization(String id, String nameZh, String nameEn, String kind, String schoolLevel,
            String enterpriseSize, List<String> industryChains, Region region, Boolean overseas,
            List<Attributes> attributeHistory, long version) implements EventData {
        public String key() {
            return id;
        }

        public void validate() {
            require("id", id, "nameZh", nameZh, "kind", kind, "industryChains", industryChains, "region", region,
                    "overseas", overseas);
            require("region.city", region.city(), "region.country", region.country());
            if (attributeHistory != null) {
                LocalDate previous = null;
                for (Attributes a : attributeHistory) {
                    require("attributeHistory.kind", a.kind(), "attributeHistory.region", a.region(),
                            "attributeHistory.industryChains", a.industryChains());
                    if (previous != null && (a.from() == null || !a.from().isAfter(previous))) {
                        throw new MalformedEventException("data.attributeHistory is not in date order at " + a.from());
                    }
                    previous = a.from() == null ? LocalDate.MIN : a.from();
                }
            }
        }

        /** The dated attributes; an event from before they were published has its current ones since ever. */
        public List<Attributes> attributes() {
            return attributeHistory == null || attributeHistory.isEmpty()
                    ? List.of(new Attributes(null, kind, schoolLevel, enterpriseSize, industryChains, region, overseas))
                    : attributeHistory;
        }
    }

    /** The sub-alliances a membership belongs to from {@code from} (null: since ever). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SubAlliances(LocalDate from, List<String> subAlliances) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Membership(String id, String organizationId, String organizationKind, String role,
            List<String> subAlliances, List<SubAlliances> subAllianceHistory, String status,
            List<Step> history, long version) implements EventData, WithHistory {
        public String key() {
            return id;
        }

        /** The dated sub-alliances; an event from before they were published has its current ones since ever. */
        public List<SubAlliances> subAlliancesDated() {
            return subAllianceHistory == null || subAllianceHistory.isEmpty()
                    ? List.of(new SubAlliances(null, subAlliances)) : subAllianceHistory;
        }

        public void validate() {
            require("id", id, "organizationId", organizationId, "organizationKind", organizationKind, "role", role,
                    "subAlliances", subAlliances, "status", status);
            requireHistory(history);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Agreement(String id, String kind, List<String> parties, String status, List<Step> history,
            long version) implements EventData, WithHistory {
        public String key() {
            return id;
        }

        public void validate() {
            require("id", id, "kind", kind, "parties", parties, "status", status);
            requireHistory(history);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Recognition(String id, String holderOrganizationId, Boolean heldByGroup, String titleZh, String titleEn,
            String level, LocalDate awardedOn, LocalDate validUntil, String status, List<Step> history,
            long version) implements EventData, WithHistory {
        public String key() {
            return id;
        }

        public void validate() {
            require("id", id, "heldByGroup", heldByGroup, "titleZh", titleZh, "level", level, "awardedOn", awardedOn,
                    "status", status);
            requireHistory(history);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferenceItem(String kind, String code, String nameZh, String nameEn, LocalDate retiredOn, long version)
            implements EventData {
        public String key() {
            return kind + "/" + code;
        }

        public void validate() {
            require("kind", kind, "code", code, "nameZh", nameZh);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Designation(String id, String level, String kind, LocalDate from, LocalDate until) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Specialty(String id, String schoolId, String code, String clusterCode, List<Designation> designations,
            String status, List<Step> history, long version) implements EventData, WithHistory {
        public String key() {
            return id;
        }

        public void validate() {
            require("id", id, "schoolId", schoolId, "code", code, "clusterCode", clusterCode, "designations",
                    designations, "status", status);
            requireHistory(history);
            for (Designation d : designations) {
                require("designations.level", d.level(), "designations.kind", d.kind(), "designations.from", d.from());
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Program(String id, String kind, String schoolId, List<String> specialtyIds, String status,
            List<Step> history, long version) implements EventData, WithHistory {
        public String key() {
            return id;
        }

        public void validate() {
            require("id", id, "kind", kind, "schoolId", schoolId, "specialtyIds", specialtyIds, "status", status);
            requireHistory(history);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CohortEnterprise(String enterpriseId, Integer places) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cohort(String id, String programId, String schoolId, String nameZh, Integer batchNumber,
            List<CohortEnterprise> enterprises, Integer totalPlaces, String status, List<Step> history,
            long version) implements EventData, WithHistory {
        public String key() {
            return id;
        }

        public void validate() {
            require("id", id, "programId", programId, "schoolId", schoolId, "nameZh", nameZh, "batchNumber",
                    batchNumber, "enterprises", enterprises, "status", status);
            requireHistory(history);
            for (CohortEnterprise e : enterprises) {
                require("enterprises.enterpriseId", e.enterpriseId());
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Assignment(String role, String name, String staffNumber, LocalDate from, LocalDate until) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Enrollment(String id, String cohortId, String programId, String schoolId, String enterpriseId,
            Boolean inProbation, String withdrawalReason, List<Assignment> assignments, String status,
            List<Step> history, long version) implements EventData, WithHistory {
        public String key() {
            return id;
        }

        public void validate() {
            require("id", id, "cohortId", cohortId, "programId", programId, "schoolId", schoolId, "enterpriseId",
                    enterpriseId, "inProbation", inProbation, "assignments", assignments, "status", status);
            requireHistory(history);
            for (Assignment a : assignments) {
                require("assignments.role", a.role(), "assignments.name", a.name(), "assignments.from", a.from());
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Facility(String id, String type, List<String> hostOrganizationIds, String level, String status,
            List<Step> history, long version) implements EventData, WithHistory {
        public String key() {
            return id;
        }

        public void validate() {
            require("id", id, "type", type, "hostOrganizationIds", hostOrganizationIds, "level", level, "status",
                    status);
            requireHistory(history);
        }
    }

    /** Pairs of (field name, value); the first null value names the problem. */
    private static void require(Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                throw new MalformedEventException("data." + namesAndValues[i] + " is required");
            }
        }
    }

    private static void requireHistory(Collection<Step> history) {
        if (history == null || history.isEmpty()) {
            throw new MalformedEventException("data.history must have at least one step");
        }
        LocalDate previous = LocalDate.MIN;
        for (Step step : history) {
            require("history.status", step.status(), "history.on", step.on());
            // "state on D" reads the steps in order; a step dated before its predecessor would falsify it
            if (step.on().isBefore(previous)) {
                throw new MalformedEventException("data.history is not in date order at " + step.on());
            }
            previous = step.on();
        }
    }
}
