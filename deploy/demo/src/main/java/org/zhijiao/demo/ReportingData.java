package org.zhijiao.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 2022 admissions, which no service owns: each school submits its own figures to the reporting
 * service. Together they cover the six admission levels and ten specialty categories, every place
 * filled in the first round (admitted = planned).
 */
final class ReportingData {

    private static final int YEAR = 2022;
    private static final String[] LEVELS = {"THREE_PLUS_FOUR", "COMPREHENSIVE_HIGH_SCHOOL",
        "GENERAL_VOCATIONAL_INTEGRATION", "THREE_PLUS_TWO", "FIVE_YEAR", "SECONDARY_VOCATIONAL"};
    /** School data key → specialty categories it admits to at secondary vocational level. */
    private static final Map<String, List<String>> CATEGORIES = Map.of(
            "lead", List.of("EQUIPMENT_MANUFACTURING", "FINANCE_COMMERCE", "CULTURE_ARTS", "JOURNALISM_COMMUNICATION"),
            "school1", List.of("ELECTRONICS_INFORMATION", "TRANSPORTATION"),
            "school2", List.of("EQUIPMENT_MANUFACTURING", "TOURISM"),
            "school3", List.of("CULTURE_ARTS", "EDUCATION_SPORTS"),
            "school4", List.of("MEDICINE_HEALTH", "FINANCE_COMMERCE"),
            "school5", List.of("LIGHT_INDUSTRY_TEXTILES", "ELECTRONICS_INFORMATION"));

    private final ReferenceGroupLoader loader;

    ReportingData(ReferenceGroupLoader loader) {
        this.loader = loader;
    }

    void load() {
        int submitted = 0;
        for (Map.Entry<String, List<String>> school : CATEGORIES.entrySet()) {
            String schoolId = loader.organization(school.getKey());
            JsonNode existing = loader.secretariat().get("/api/v1/datasets?kind=ADMISSIONS&year=" + YEAR
                    + "&schoolId=" + schoolId);
            if (!existing.path("items").isEmpty()) {
                continue;
            }
            List<Map<String, Object>> entries = new ArrayList<>();
            int seed = Math.abs(school.getKey().hashCode() % 40);
            if (school.getKey().equals("lead")) {
                // the lead school runs every route, in electronics and information
                for (int i = 0; i < LEVELS.length; i++) {
                    entries.add(entry(LEVELS[i], "ELECTRONICS_INFORMATION", 40 + 10 * i + seed));
                }
            }
            for (String category : school.getValue()) {
                entries.add(entry("SECONDARY_VOCATIONAL", category, 45 + seed + entries.size() * 5));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("year", YEAR);
            body.put("sourceNote", "2022 admissions roll (first round), demo data");
            body.put("entries", entries);
            loader.clientOf(school.getKey(), "school").post("/api/v1/datasets/admissions", body);
            submitted++;
        }
        loader.say("Admissions 2022: " + CATEGORIES.size() + " schools, 6 levels, 10 specialty categories ("
                + submitted + " submitted now)");
    }

    private static Map<String, Object> entry(String level, String category, int places) {
        return Map.of("level", level, "specialtyCategory", category, "admitted", places, "planned", places);
    }
}
