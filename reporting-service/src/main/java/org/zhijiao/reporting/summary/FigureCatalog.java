package org.zhijiao.reporting.summary;

import static org.zhijiao.commons.events.Topics.AGREEMENTS;
import static org.zhijiao.commons.events.Topics.COHORTS;
import static org.zhijiao.commons.events.Topics.ENROLLMENTS;
import static org.zhijiao.commons.events.Topics.FACILITIES;
import static org.zhijiao.commons.events.Topics.MEMBERSHIPS;
import static org.zhijiao.commons.events.Topics.ORGANIZATIONS;
import static org.zhijiao.commons.events.Topics.PROGRAMS;
import static org.zhijiao.commons.events.Topics.RECOGNITIONS;
import static org.zhijiao.commons.events.Topics.REFERENCE_DATA;
import static org.zhijiao.commons.events.Topics.SPECIALTIES;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.zhijiao.reporting.events.EventData.Agreement;
import org.zhijiao.reporting.events.EventData.Attributes;
import org.zhijiao.reporting.events.EventData.CohortEnterprise;
import org.zhijiao.reporting.events.EventData.Cohort;
import org.zhijiao.reporting.events.EventData.Enrollment;
import org.zhijiao.reporting.events.EventData.Facility;
import org.zhijiao.reporting.events.EventData.Membership;
import org.zhijiao.reporting.events.EventData.Organization;
import org.zhijiao.reporting.events.EventData.Program;
import org.zhijiao.reporting.events.EventData.Recognition;
import org.zhijiao.reporting.events.EventData.Specialty;
import org.zhijiao.reporting.events.EventData.SubAlliances;

/**
 * Every figure the summary and the report give, defined once: the text here is what
 * {@code GET /api/v1/reporting/metrics} returns and docs/metrics.md repeats.
 */
public final class FigureCatalog {

    /** A membership counts while ACTIVE or SUSPENDED (a suspended member is still a member). */
    public static final Set<String> MEMBER = Set.of("ACTIVE", "SUSPENDED");
    /** An enrollment is on the roll once registered and until it completes or is withdrawn. */
    public static final Set<String> ON_ROLL = Set.of("REGISTERED", "ACTIVE", "PAUSED");
    public static final Set<String> COHORT_RUNNING = Set.of("RECRUITING", "ACTIVE");
    public static final Set<String> FACILITY_EXISTING = Set.of("OPERATIONAL", "SUSPENDED");
    /** Withdrawals that do not count against the completion rate. */
    public static final String CHANGED_ENTERPRISE = "CHANGED_ENTERPRISE";

    private static final List<String> MEMBER_SLICES = List.of("organizationKind", "role", "subAlliance", "region",
            "country", "schoolLevel", "enterpriseSize", "industryChain");

    private static final Map<String, Figure> FIGURES = new LinkedHashMap<>();

    static {
        add(new Figure("members", "成员单位", "Members",
                "Distinct organizations with a membership whose state on the day is ACTIVE or SUSPENDED "
                        + "(state on day D = the last lifecycle step dated on or before D).",
                MEMBER_SLICES, List.of(MEMBERSHIPS, ORGANIZATIONS), Family.ORGANIZATION, p -> members(p, m -> true)));
        add(new Figure("memberSchools", "成员学校", "Member schools",
                "Members (see members) whose organization kind is SCHOOL; slice schoolLevel separates secondary "
                        + "from higher vocational schools.",
                MEMBER_SLICES, List.of(MEMBERSHIPS, ORGANIZATIONS), Family.ORGANIZATION, p -> members(p, m -> "SCHOOL".equals(m.kind()))));
        add(new Figure("memberEnterprises", "成员企业", "Member enterprises",
                "Members (see members) whose organization kind is ENTERPRISE.",
                MEMBER_SLICES, List.of(MEMBERSHIPS, ORGANIZATIONS), Family.ORGANIZATION, p -> members(p, m -> "ENTERPRISE".equals(m.kind()))));
        add(new Figure("otherMembers", "其他成员单位", "Other members",
                "Members (see members) that are neither schools nor enterprises (industry associations, research "
                        + "institutes, government bodies, others).",
                MEMBER_SLICES, List.of(MEMBERSHIPS, ORGANIZATIONS), Family.ORGANIZATION,
                p -> members(p, m -> !"SCHOOL".equals(m.kind()) && !"ENTERPRISE".equals(m.kind()))));
        add(new Figure("overseasMembers", "境外成员单位", "Overseas members",
                "Members (see members) whose organization is registered as overseas. A school's branch campus abroad "
                        + "is part of that school and never counts here.",
                MEMBER_SLICES, List.of(MEMBERSHIPS, ORGANIZATIONS), Family.ORGANIZATION,
                p -> members(p, MemberStretch::overseas)));
        add(new Figure("subAllianceMembers", "分联盟成员单位", "Members of sub-alliances",
                "Members (see members) that belong to at least one sub-alliance; slice subAlliance gives the members "
                        + "of each (an organization in two sub-alliances counts once in the total).",
                List.of("subAlliance", "organizationKind"), List.of(MEMBERSHIPS), Family.ORGANIZATION,
                p -> members(p, m -> !m.subAlliances().isEmpty())));
        add(new Figure("industryChainsServed", "成员企业覆盖的产业链", "Industry chains served by member enterprises",
                "Distinct industry-chain codes carried by at least one member enterprise on the day (the values of "
                        + "memberEnterprises sliced by industryChain that count at least one enterprise).",
                List.of(), List.of(MEMBERSHIPS, ORGANIZATIONS), Family.DERIVED, null));
        add(new Figure("industryChains", "产业链", "Industry chains",
                "Industry-chain codes of the reference data not retired on the day (retired on D means no longer "
                        + "counted from D).",
                List.of(), List.of(REFERENCE_DATA), Family.OWN, p -> catalogue(p, "industry-chains")));
        add(new Figure("specialtyClusters", "专业群", "Specialty clusters",
                "Specialty-cluster codes of the reference data not retired on the day.",
                List.of(), List.of(REFERENCE_DATA), Family.OWN, p -> catalogue(p, "specialty-clusters")));
        add(new Figure("subAlliances", "分联盟", "Sub-alliances",
                "Sub-alliance codes of the reference data not retired on the day.",
                List.of(), List.of(REFERENCE_DATA), Family.OWN, p -> catalogue(p, "sub-alliances")));
        add(new Figure("recognitions", "荣誉与认定", "Recognitions",
                "Honours held on the day: state GRANTED on the day and, when validUntil is given, not after it. "
                        + "Slice holder is GROUP for the group's own honours, MEMBER for a member's.",
                List.of("recognitionLevel", "holder"), List.of(RECOGNITIONS), Family.OWN, FigureCatalog::recognitions));
        add(new Figure("signedAgreements", "有效合作协议", "Agreements in force",
                "Cooperation agreements whose state on the day is SIGNED.",
                List.of("agreementKind"), List.of(AGREEMENTS), Family.OWN, FigureCatalog::agreements));
        add(new Figure("specialties", "开设专业", "Specialties offered",
                "Specialties whose state on the day is OFFERED.",
                List.of("specialtyCluster"), List.of(SPECIALTIES), Family.OWN, FigureCatalog::specialties));
        add(new Figure("designatedSpecialties", "示范、品牌、特色专业", "Designated specialties",
                "Distinct specialties holding at least one designation on the day (designation from ≤ D and, when "
                        + "until is given, D ≤ until). Slice designationLevel counts a specialty under each level it "
                        + "holds, so slices may add up to more than the total.",
                List.of("designationLevel", "designationKind", "specialtyCluster"), List.of(SPECIALTIES), Family.OWN,
                FigureCatalog::designatedSpecialties));
        add(new Figure("programs", "在实施项目", "Programs in force",
                "Programs (apprenticeship pilots, order classes, international cooperation projects) whose state on "
                        + "the day is PUBLISHED.",
                List.of("programKind"), List.of(PROGRAMS), Family.OWN, FigureCatalog::programs));
        add(new Figure("cohorts", "在办班级（批次）", "Running cohorts",
                "Cohorts whose state on the day is RECRUITING or ACTIVE.",
                List.of("batchNumber", "cohort"), List.of(COHORTS), Family.OWN, FigureCatalog::cohorts));
        add(new Figure("enterprisesInCohorts", "参与学徒班的企业", "Enterprises taking part in cohorts",
                "Distinct enterprises listed among the participating enterprises of a cohort whose state on the day "
                        + "is RECRUITING or ACTIVE. Slices batchNumber and cohort (its Chinese name) give them per "
                        + "batch, e.g. batchNumber 5 = the 5th craftsman class.",
                List.of("batchNumber", "cohort", "industryChain"), List.of(COHORTS, ORGANIZATIONS), Family.COHORT_ENTERPRISE,
                FigureCatalog::enterprisesInCohorts));
        add(new Figure("apprenticesRegistered", "在册学徒", "Apprentices registered",
                "Enrollments whose state on the day is REGISTERED, ACTIVE or PAUSED (on the roll).",
                List.of("batchNumber", "programKind"), List.of(ENROLLMENTS, COHORTS, PROGRAMS), Family.ENROLLMENT,
                p -> enrollments(p, ON_ROLL)));
        add(new Figure("apprenticesActive", "在岗学徒", "Apprentices active",
                "Enrollments whose state on the day is ACTIVE.",
                List.of("batchNumber", "programKind"), List.of(ENROLLMENTS, COHORTS, PROGRAMS), Family.ENROLLMENT,
                p -> enrollments(p, Set.of("ACTIVE"))));
        add(new Figure("apprenticesCompleted", "结业学徒", "Apprentices completed",
                "Enrollments whose state on the day is COMPLETED (cumulative); `new` is the completions dated in "
                        + "the period.",
                List.of("batchNumber", "programKind"), List.of(ENROLLMENTS, COHORTS, PROGRAMS), Family.ENROLLMENT,
                p -> enrollments(p, Set.of("COMPLETED"))));
        add(new Figure("apprenticesWithdrawn", "退出学徒", "Apprentices withdrawn",
                "Enrollments whose state on the day is WITHDRAWN (cumulative); `new` is the withdrawals dated in "
                        + "the period. Slice duringProbation tells withdrawals in probation apart.",
                List.of("withdrawalReason", "duringProbation", "batchNumber"), List.of(ENROLLMENTS, COHORTS), Family.ENROLLMENT,
                p -> enrollments(p, Set.of("WITHDRAWN"))));
        add(new Figure("mentors", "企业师傅", "Mentors",
                "Distinct enterprise mentors (by enterprise and staff number, else name) assigned on the day "
                        + "(from ≤ D and, when until is given, D ≤ until) to an enrollment on the roll that day.",
                List.of("batchNumber"), List.of(ENROLLMENTS, COHORTS), Family.MENTOR, FigureCatalog::mentors));
        add(new Figure("facilities", "共建基地与工作室", "Facilities",
                "Facilities (studios, factory-in-school, training centers, off-campus bases) whose state on the day "
                        + "is OPERATIONAL or SUSPENDED (established and not closed).",
                List.of("facilityType", "facilityLevel", "typeAndLevel"), List.of(FACILITIES), Family.OWN,
                FigureCatalog::facilities));
    }

    /** The completion rate's definition (computed from apprenticesCompleted and apprenticesWithdrawn). */
    public static final SummaryDtos.MetricDefinition COMPLETION_RATE = new SummaryDtos.MetricDefinition(
            "completionRate", "学徒结业率", "Apprentice completion rate", "rate",
            "period = completions in the period / (completions + counted withdrawals in the period); cumulative = "
                    + "completed on the last day / (completed + counted withdrawn on that day). A withdrawal is "
                    + "counted unless it happened during probation (inProbation) or was a change of enterprise "
                    + "(reason CHANGED_ENTERPRISE: the apprentice continues in a new enrollment). Null when the "
                    + "denominator is 0.",
            List.of(), List.of(ENROLLMENTS));

    private FigureCatalog() {
    }

    private static void add(Figure figure) {
        FIGURES.put(figure.key(), figure);
    }

    public static List<Figure> all() {
        return List.copyOf(FIGURES.values());
    }

    /** The withdrawals the completion rate's denominator counts: stored like a figure, published only in the rate. */
    public static final Figure COUNTED_WITHDRAWALS = new Figure("countedWithdrawals", "计入结业率的退出", "Counted withdrawals",
            "Enrollments whose state on the day is WITHDRAWN, neither during probation nor a change of enterprise.",
            List.of(), List.of(ENROLLMENTS), Family.ENROLLMENT, FigureCatalog::countedWithdrawals);

    /** Every figure the counters keep: the published ones that are not derived, and the counted withdrawals. */
    public static List<Figure> stored() {
        List<Figure> stored = new ArrayList<>(FIGURES.values().stream().filter(f -> f.family() != Family.DERIVED).toList());
        stored.add(COUNTED_WITHDRAWALS);
        return stored;
    }

    public static Optional<Figure> find(String key) {
        return Optional.ofNullable(FIGURES.get(key));
    }

    /**
     * A stretch of a membership over which its organization's attributes and its sub-alliances stay
     * the same: slices use the values in force on the day counted.
     */
    record MemberStretch(Membership membership, String kind, boolean overseas, List<String> subAlliances,
            Attributes attributes, LocalDate from, LocalDate until) {
    }

    private static List<Item> members(Projections p, Predicate<MemberStretch> which) {
        List<Item> items = new ArrayList<>();
        for (MemberItem member : p.<List<MemberItem>>derived("memberItems", () -> memberItems(p))) {
            if (which.test(member.stretch())) {
                items.add(member.item());
            }
        }
        return items;
    }

    /** A member's dated stretch and what it counts as; the member figures filter the same list. */
    private record MemberItem(MemberStretch stretch, Item item) {
    }

    private static List<MemberItem> memberItems(Projections p) {
        List<MemberItem> items = new ArrayList<>();
        for (Membership m : p.memberships()) {
            for (MemberStretch s : stretches(p, m)) {
                Map<String, Collection<?>> slices = new LinkedHashMap<>();
                slices.put("organizationKind", single(s.kind()));
                slices.put("role", single(m.role()));
                slices.put("subAlliance", s.subAlliances());
                Attributes a = s.attributes();
                if (a != null) {
                    slices.put("region", single(a.region().province() != null ? a.region().province() : a.region().city()));
                    slices.put("country", single(a.region().country()));
                    slices.put("schoolLevel", single(a.schoolLevel()));
                    slices.put("enterpriseSize", single(a.enterpriseSize()));
                    slices.put("industryChain", a.industryChains());
                }
                items.add(new MemberItem(s, Item.of(m.organizationId(), Timeline.status(m.history(), MEMBER)
                        .and(Timeline.between(s.from(), s.until()))).slices(slices)));
            }
        }
        return items;
    }

    private static List<Object> single(Object value) {
        return value == null ? List.of() : List.of(value);
    }

    private static List<MemberStretch> stretches(Projections p, Membership m) {
        List<Attributes> attributes = p.organization(m.organizationId()).map(Organization::attributes).orElse(null);
        List<SubAlliances> alliances = m.subAlliancesDated();
        TreeSet<LocalDate> starts = new TreeSet<>();
        if (attributes != null) {
            attributes.stream().map(Attributes::from).filter(d -> d != null).forEach(starts::add);
        }
        alliances.stream().map(SubAlliances::from).filter(d -> d != null).forEach(starts::add);
        List<MemberStretch> stretches = new ArrayList<>();
        LocalDate from = null;
        List<LocalDate> ends = new ArrayList<>(starts);
        ends.add(null);
        for (LocalDate next : ends) {
            Attributes a = attributes == null ? null : inForce(attributes, Attributes::from, from);
            SubAlliances sub = inForce(alliances, SubAlliances::from, from);
            stretches.add(new MemberStretch(m, a != null ? a.kind() : m.organizationKind(),
                    a != null && Boolean.TRUE.equals(a.overseas()),
                    sub.subAlliances() == null ? List.of() : sub.subAlliances(), a, from,
                    next == null ? null : next.minusDays(1)));
            from = next;
        }
        return stretches;
    }

    /** The version in force on {@code day} (null: the earliest): the last one starting on or before it, else the first. */
    private static <T> T inForce(List<T> versions, Function<T, LocalDate> from, LocalDate day) {
        T found = versions.get(0);
        if (day == null) {
            return found;
        }
        for (T version : versions) {
            LocalDate start = from.apply(version);
            if (start == null || !start.isAfter(day)) {
                found = version;
            }
        }
        return found;
    }

    private static List<Item> catalogue(Projections p, String kind) {
        return p.reference(kind).stream()
                .map(r -> Item.of(r.code(), Timeline.between(null, r.retiredOn() == null ? null : r.retiredOn().minusDays(1))))
                .toList();
    }

    private static List<Item> recognitions(Projections p) {
        return p.<Recognition>all(RECOGNITIONS).stream()
                .map(r -> Item.of(r.id(), Timeline.status(r.history(), Set.of("GRANTED"))
                                .and(Timeline.between(null, r.validUntil())))
                        .slice("recognitionLevel", r.level())
                        .slice("holder", Boolean.TRUE.equals(r.heldByGroup()) ? "GROUP" : "MEMBER"))
                .toList();
    }

    private static List<Item> agreements(Projections p) {
        return p.<Agreement>all(AGREEMENTS).stream()
                .map(a -> Item.of(a.id(), Timeline.status(a.history(), Set.of("SIGNED"))).slice("agreementKind", a.kind()))
                .toList();
    }

    private static List<Item> specialties(Projections p) {
        return p.<Specialty>all(SPECIALTIES).stream()
                .map(s -> Item.of(s.id(), Timeline.status(s.history(), Set.of("OFFERED")))
                        .slice("specialtyCluster", s.clusterCode()))
                .toList();
    }

    private static List<Item> designatedSpecialties(Projections p) {
        return p.<Specialty>all(SPECIALTIES).stream()
                .flatMap(s -> s.designations().stream().map(d -> Item.of(s.id(), Timeline.between(d.from(), d.until()))
                        .slice("designationLevel", d.level()).slice("designationKind", d.kind())
                        .slice("specialtyCluster", s.clusterCode())))
                .toList();
    }

    private static List<Item> programs(Projections p) {
        return p.<Program>all(PROGRAMS).stream()
                .map(g -> Item.of(g.id(), Timeline.status(g.history(), Set.of("PUBLISHED"))).slice("programKind", g.kind()))
                .toList();
    }

    private static List<Item> cohorts(Projections p) {
        return p.<Cohort>all(COHORTS).stream()
                .map(c -> Item.of(c.id(), Timeline.status(c.history(), COHORT_RUNNING))
                        .slice("batchNumber", c.batchNumber()).slice("cohort", c.nameZh()))
                .toList();
    }

    private static List<Item> enterprisesInCohorts(Projections p) {
        List<Item> items = new ArrayList<>();
        for (Cohort c : p.<Cohort>all(COHORTS)) {
            Timeline running = Timeline.status(c.history(), COHORT_RUNNING);
            for (CohortEnterprise e : c.enterprises()) {
                List<Attributes> attributes = p.organization(e.enterpriseId()).map(Organization::attributes)
                        .orElse(List.of(new Attributes(null, null, null, null, List.of(), null, null)));
                for (int i = 0; i < attributes.size(); i++) {
                    LocalDate until = i + 1 < attributes.size() ? attributes.get(i + 1).from().minusDays(1) : null;
                    items.add(Item.of(e.enterpriseId(), running.and(Timeline.between(i == 0 ? null
                                    : attributes.get(i).from(), until)))
                            .slice("batchNumber", c.batchNumber()).slice("cohort", c.nameZh())
                            .slice("industryChain", attributes.get(i).industryChains()));
                }
            }
        }
        return items;
    }

    private static List<Item> enrollments(Projections p, Set<String> statuses) {
        return p.<Enrollment>all(ENROLLMENTS).stream()
                .map(e -> enrollmentSlices(p, e, Item.of(e.id(), Timeline.status(e.history(), statuses))))
                .toList();
    }

    private static Item enrollmentSlices(Projections p, Enrollment e, Item item) {
        Item sliced = item.slice("batchNumber", p.<Cohort>get(COHORTS, e.cohortId()).map(Cohort::batchNumber).orElse(null))
                .slice("programKind", p.<Program>get(PROGRAMS, e.programId()).map(Program::kind).orElse(null));
        if ("WITHDRAWN".equals(e.status())) {
            sliced = sliced.slice("withdrawalReason", e.withdrawalReason())
                    .slice("duringProbation", Boolean.TRUE.equals(e.inProbation()));
        }
        return sliced;
    }

    /** Withdrawn enrollments that count against the completion rate. */
    static List<Item> countedWithdrawals(Projections p) {
        return p.<Enrollment>all(ENROLLMENTS).stream()
                .filter(e -> !Boolean.TRUE.equals(e.inProbation()) && !CHANGED_ENTERPRISE.equals(e.withdrawalReason()))
                .map(e -> Item.of(e.id(), Timeline.status(e.history(), Set.of("WITHDRAWN"))))
                .toList();
    }

    private static List<Item> mentors(Projections p) {
        return p.<Enrollment>all(ENROLLMENTS).stream()
                .flatMap(e -> e.assignments().stream().filter(a -> "MENTOR".equals(a.role()))
                        .map(a -> Item.of(e.enterpriseId() + "/" + (a.staffNumber() != null ? a.staffNumber() : a.name()),
                                        Timeline.between(a.from(), a.until()).and(Timeline.status(e.history(), ON_ROLL)))
                                .slice("batchNumber", p.<Cohort>get(COHORTS, e.cohortId()).map(Cohort::batchNumber)
                                        .orElse(null))))
                .toList();
    }

    private static List<Item> facilities(Projections p) {
        return p.<Facility>all(FACILITIES).stream()
                .map(f -> Item.of(f.id(), Timeline.status(f.history(), FACILITY_EXISTING))
                        .slice("facilityType", f.type()).slice("facilityLevel", f.level())
                        .slice("typeAndLevel", f.type() + "/" + f.level()))
                .toList();
    }
}
