package org.zhijiao.reporting.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zhijiao.reporting.events.EventData.ReferenceItem;

/**
 * The names of the values a breakdown table shows, in both languages. Two sources, because the codes
 * are of two sorts: the event contracts' fixed vocabularies (organization kinds, school levels, facility
 * types, levels) are named here, next to the rest of the report's wording; the group's own reference data
 * (specialty clusters, industry chains, sub-alliances) is named where it is defined, in membership-service,
 * and arrives with its names on {@code zhijiao.membership.reference-data}, which reporting already projects.
 * A value with no name (a batch number, a code not defined yet) is shown as it is.
 */
public final class ValueNames {

    /** Slice → reference data kind whose items name its values. */
    private static final Map<String, String> REFERENCE_SLICES = Map.of("specialtyCluster", "specialty-clusters",
            "industryChain", "industry-chains", "subAlliance", "sub-alliances");

    private static final Map<String, String[]> LEVELS = Map.of(
            "NATIONAL", names("国家级", "National"), "PROVINCIAL", names("省级", "Provincial"),
            "MUNICIPAL", names("市级", "Municipal"), "DISTRICT", names("区级", "District"),
            "GROUP", names("集团级", "Group"), "INDUSTRY", names("行业级", "Industry"));

    /** Slice → code → {zh, en} for the contracts' fixed vocabularies (docs/events/*.schema.json). */
    private static final Map<String, Map<String, String[]>> FIXED = Map.of(
            "organizationKind", Map.of(
                    "SCHOOL", names("学校", "Schools"), "ENTERPRISE", names("企业", "Enterprises"),
                    "INDUSTRY_ASSOCIATION", names("行业协会", "Industry associations"),
                    "RESEARCH_INSTITUTE", names("科研院所", "Research institutes"),
                    "GOVERNMENT", names("政府部门", "Government bodies"), "OTHER", names("其他", "Other")),
            "schoolLevel", Map.of(
                    "SECONDARY_VOCATIONAL", names("中等职业学校", "Secondary vocational schools"),
                    "HIGHER_VOCATIONAL", names("高等职业学校", "Higher vocational colleges"),
                    "UNDERGRADUATE_VOCATIONAL", names("职业本科学校", "Vocational universities")),
            "facilityType", Map.of(
                    "MODEL_WORKER_STUDIO", names("劳模工匠室", "Model-worker craftsman studios"),
                    "MASTER_STUDIO", names("大师工作室", "Master studios"),
                    "FACTORY_IN_SCHOOL", names("校中厂", "Factories in school"),
                    "TRAINING_CENTER", names("实训中心", "Training centers"),
                    "OFF_CAMPUS_BASE", names("校外实训基地", "Off-campus training bases")),
            "designationLevel", LEVELS, "facilityLevel", LEVELS, "recognitionLevel", LEVELS);

    /** Slice → code → {zh, en}. */
    private final Map<String, Map<String, String[]>> names;

    private ValueNames(Map<String, Map<String, String[]>> names) {
        this.names = names;
    }

    /** The fixed vocabularies plus the reference items' names (a retired item keeps its name: old years show it). */
    public static ValueNames with(List<ReferenceItem> referenceItems) {
        Map<String, Map<String, String[]>> names = new HashMap<>(FIXED);
        REFERENCE_SLICES.forEach((slice, kind) -> {
            Map<String, String[]> byCode = new HashMap<>();
            referenceItems.stream().filter(item -> item.kind().equals(kind)).forEach(item -> byCode.put(item.code(),
                    names(item.nameZh(), item.nameEn() == null || item.nameEn().isBlank() ? item.nameZh() : item.nameEn())));
            names.put(slice, byCode);
        });
        return new ValueNames(names);
    }

    /** The value's name in the language, or the value itself when it has none. */
    public String name(String slice, String value, boolean zh) {
        String[] pair = names.getOrDefault(slice, Map.of()).get(value);
        return pair == null ? value : pair[zh ? 0 : 1];
    }

    private static String[] names(String zh, String en) {
        return new String[] {zh, en};
    }
}
