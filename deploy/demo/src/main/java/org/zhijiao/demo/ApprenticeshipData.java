package org.zhijiao.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The reference group's specialties and designations, its programs (the apprenticeship pilot and the
 * international cooperation projects), the 5th craftsman batch with its 20 enterprises, apprentices
 * and mentors, and its studios and training bases. Schools and enterprises act with their own clients.
 */
final class ApprenticeshipData {

    /** Members admitted a moment ago reach apprenticeship-service's directory through Kafka. */
    private static final Duration DIRECTORY_WAIT = Duration.ofSeconds(120);
    private static final String[] SECTIONS = {"TRAINING_CONTENT", "SCHEDULE", "COMPENSATION", "INSURANCE", "ASSESSMENT"};

    private final ReferenceGroupLoader loader;
    private final PlatformClient secretariat;
    private final JsonNode data = ReferenceGroupLoader.resource("demo/qingdao-apprenticeship.json");

    ApprenticeshipData(ReferenceGroupLoader loader) {
        this.loader = loader;
        this.secretariat = loader.secretariat();
    }

    void load() {
        Map<String, String> specialties = specialties();
        String pilot = programs(specialties);
        cohort(pilot);
        facilities();
    }

    private Map<String, String> specialties() {
        Map<String, String> byKey = new HashMap<>();
        int designated = 0;
        for (JsonNode specialty : data.path("specialties")) {
            String schoolKey = specialty.path("school").asText();
            String school = loader.organization(schoolKey);
            String code = specialty.path("code").asText();
            JsonNode existing = find("/api/v1/specialties?schoolId=" + school + "&limit=200", "code", code);
            String id;
            if (existing != null) {
                id = existing.path("id").asText();
            } else {
                PlatformClient schoolClient = loader.clientOf(schoolKey, "school");
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("schoolId", school);
                body.put("code", code);
                body.put("nameZh", specialty.path("nameZh").asText());
                body.put("nameEn", specialty.path("nameEn").asText());
                body.put("clusterCode", specialty.path("clusterCode").asText());
                body.put("offeredOn", specialty.path("offeredOn").asText());
                JsonNode created = eventually(() -> schoolClient.post("/api/v1/specialties", body));
                id = created.path("id").asText();
                if (specialty.has("designation")) {
                    JsonNode d = specialty.path("designation");
                    schoolClient.post("/api/v1/specialties/" + id + "/designations", Map.of("level", d.path("level").asText(),
                            "kind", d.path("kind").asText(), "title", d.path("title").asText(), "from", d.path("from").asText()));
                }
            }
            designated += specialty.has("designation") ? 1 : 0;
            byKey.put(schoolKey + "/" + code, id);
        }
        loader.say("Specialties: " + data.path("specialties").size() + " (" + designated + " designated)");
        return byKey;
    }

    /** The apprenticeship pilot (returned) and the international cooperation projects, all published. */
    private String programs(Map<String, String> specialties) {
        JsonNode pilotData = data.path("pilotProgram");
        String lead = loader.organization("lead");
        List<String> partners = new ArrayList<>();
        data.path("cohort").path("enterprises").forEach(e -> partners.add(loader.organization(e.asText())));
        List<String> pilotSpecialties = List.of(specialties.get("lead/710102"), specialties.get("lead/710101"));
        String pilot = program("MODERN_APPRENTICESHIP_PILOT", pilotData.path("titleZh").asText(),
                pilotData.path("titleEn").asText(), partners, pilotSpecialties, pilotData.path("trainingPlan"),
                pilotData.path("draftedOn").asText(), pilotData.path("approvedOn").asText(),
                pilotData.path("publishedOn").asText());
        for (JsonNode project : data.path("internationalPrograms")) {
            Map<String, Object> plan = Map.of("durationMonths", 12, "summary", "Teacher and student exchange, joint curriculum",
                    "modules", List.of(Map.of("code", "X01", "title", "联合课程", "location", "SCHOOL", "hours", 120)));
            program("INTERNATIONAL_COOPERATION", project.path("titleZh").asText(), project.path("titleEn").asText(),
                    List.of(), List.of(), ReferenceGroupLoader.JSON.valueToTree(plan), "2021-12-01", "2022-02-01",
                    "2022-02-15");
        }
        loader.say("Programs: the apprenticeship pilot and " + data.path("internationalPrograms").size()
                + " international cooperation projects (China–Canada, –Japan, –US), run by " + lead);
        return pilot;
    }

    private String program(String kind, String titleZh, String titleEn, List<String> partners, List<String> specialtyIds,
            JsonNode plan, String draftedOn, String approvedOn, String publishedOn) {
        JsonNode existing = find("/api/v1/programs?kind=" + kind + "&limit=200", "titleZh", titleZh);
        if (existing != null) {
            String id = existing.path("id").asText();
            // a load that stopped half-way left it as a draft or approved only
            if (existing.path("status").asText().equals("DRAFT")) {
                transition("/api/v1/programs/" + id, secretariat, "APPROVE", approvedOn);
            }
            if (!secretariat.get("/api/v1/programs/" + id).path("status").asText().matches("PUBLISHED|RETIRED")) {
                transition("/api/v1/programs/" + id, secretariat, "PUBLISH", publishedOn);
            }
            return id;
        }
        PlatformClient lead = loader.clientOf("lead", "school");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("titleZh", titleZh);
        body.put("titleEn", titleEn);
        body.put("schoolId", loader.organization("lead"));
        body.put("partnerOrganizationIds", partners);
        body.put("specialtyIds", specialtyIds);
        body.put("trainingPlan", plan);
        body.put("draftedOn", draftedOn);
        String id = eventually(() -> lead.post("/api/v1/programs", body)).path("id").asText();
        transition("/api/v1/programs/" + id, secretariat, "APPROVE", approvedOn);
        transition("/api/v1/programs/" + id, secretariat, "PUBLISH", publishedOn);
        return id;
    }

    private void cohort(String program) {
        JsonNode c = data.path("cohort");
        PlatformClient lead = loader.clientOf("lead", "school");
        JsonNode existing = find("/api/v1/cohorts?programId=" + program + "&limit=200", "nameZh", c.path("nameZh").asText());
        String cohort;
        if (existing != null) {
            cohort = existing.path("id").asText();
            if ("PLANNED".equals(existing.path("status").asText())) {
                transition("/api/v1/cohorts/" + cohort, lead, "OPEN_RECRUITMENT", c.path("recruitingFrom").asText());
            }
        } else {
            List<Map<String, Object>> places = new ArrayList<>();
            c.path("enterprises").forEach(e -> places.add(Map.of("enterpriseId", loader.organization(e.asText()),
                    "places", c.path("placesPerEnterprise").asInt())));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("programId", program);
            body.put("nameZh", c.path("nameZh").asText());
            body.put("nameEn", c.path("nameEn").asText());
            body.put("batchNumber", c.path("batchNumber").asInt());
            body.put("startsOn", c.path("startsOn").asText());
            body.put("endsOn", c.path("endsOn").asText());
            body.put("enterprises", places);
            body.put("plannedOn", c.path("plannedOn").asText());
            cohort = eventually(() -> lead.post("/api/v1/cohorts", body)).path("id").asText();
            transition("/api/v1/cohorts/" + cohort, lead, "OPEN_RECRUITMENT", c.path("recruitingFrom").asText());
        }
        int enrolled = apprentices(cohort, lead);
        JsonNode current = secretariat.get("/api/v1/cohorts/" + cohort);
        if ("RECRUITING".equals(current.path("status").asText())) {
            transition("/api/v1/cohorts/" + cohort, lead, "START", c.path("startsOn").asText());
        }
        startApprenticeships(cohort, lead);
        loader.say("Cohort \"" + c.path("nameZh").asText() + "\": " + c.path("enterprises").size() + " enterprises, "
                + data.path("apprentices").size() + " apprentices with mentors (" + enrolled + " enrolled now)");
    }

    /** Each apprentice: enrolled by the school, agreement confirmed by all three parties, mentored by the enterprise. */
    private int apprentices(String cohort, PlatformClient lead) {
        Map<String, JsonNode> existing = new HashMap<>();
        secretariat.get("/api/v1/enrollments?cohortId=" + cohort + "&limit=200").path("items")
                .forEach(e -> existing.put(e.path("student").path("studentNumber").asText(), e));
        String enrolledOn = "2022-08-20";
        int enrolled = 0;
        for (JsonNode apprentice : data.path("apprentices")) {
            String number = apprentice.path("studentNumber").asText();
            if (existing.containsKey(number)) {
                continue;
            }
            String enterpriseKey = apprentice.path("enterprise").asText();
            Map<String, String> sections = new LinkedHashMap<>();
            for (String section : SECTIONS) {
                sections.put(section, sectionText(section));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("cohortId", cohort);
            body.put("enterpriseId", loader.organization(enterpriseKey));
            body.put("student", Map.of("studentNumber", number, "nameZh", apprentice.path("nameZh").asText(),
                    "nameEn", apprentice.path("nameEn").asText()));
            body.put("apprenticeNumber", "AP-" + number);
            body.put("inProbation", true);
            body.put("agreement", sections);
            body.put("on", enrolledOn);
            JsonNode enrollment = lead.post("/api/v1/enrollments", body);
            String id = enrollment.path("id").asText();
            int version = enrollment.path("agreement").path("version").asInt(1);
            PlatformClient enterprise = loader.clientOf(enterpriseKey, "enterprise");
            lead.post("/api/v1/enrollments/" + id + "/agreement/confirmations",
                    Map.of("party", "STUDENT_GUARDIAN", "version", version, "on", enrolledOn));
            lead.post("/api/v1/enrollments/" + id + "/agreement/confirmations",
                    Map.of("party", "SCHOOL", "version", version, "on", enrolledOn));
            enterprise.post("/api/v1/enrollments/" + id + "/agreement/confirmations",
                    Map.of("party", "ENTERPRISE", "version", version, "on", "2022-08-25"));
            transition("/api/v1/enrollments/" + id, lead, "REGISTER", "2022-08-26");
            enrolled++;
        }
        return enrolled;
    }

    /** Once the cohort runs: registered apprentices start, each with an enterprise mentor and a school teacher. */
    private void startApprenticeships(String cohort, PlatformClient lead) {
        String startsOn = data.path("cohort").path("startsOn").asText();
        Map<String, String> enterpriseKeys = new HashMap<>();
        data.path("apprentices").forEach(a -> enterpriseKeys.put(a.path("studentNumber").asText(),
                a.path("enterprise").asText()));
        int mentor = 0;
        for (JsonNode enrollment : secretariat.get("/api/v1/enrollments?cohortId=" + cohort + "&limit=200").path("items")) {
            String enterpriseKey = enterpriseKeys.get(enrollment.path("student").path("studentNumber").asText());
            if (enterpriseKey == null || !"REGISTERED".equals(enrollment.path("status").asText())) {
                continue;
            }
            mentor++;
            String id = enrollment.path("id").asText();
            transition("/api/v1/enrollments/" + id, lead, "START", startsOn);
            loader.clientOf(enterpriseKey, "enterprise").post("/api/v1/enrollments/" + id + "/assignments",
                    Map.of("role", "MENTOR", "name", "师傅" + enterpriseKey + "号（虚构）", "staffNumber", "M-" + enterpriseKey,
                            "from", startsOn));
            lead.post("/api/v1/enrollments/" + id + "/assignments", Map.of("role", "TEACHER",
                    "name", "班主任" + (mentor % 4 + 1) + "号（虚构）", "from", startsOn));
        }
    }

    private static String sectionText(String section) {
        return switch (section) {
            case "TRAINING_CONTENT" -> "电子产品装调、物联网设备运维岗位技能，按人才培养方案执行";
            case "SCHEDULE" -> "工学交替：每周三天在校、两天在企业";
            case "COMPENSATION" -> "企业按月发放学徒津贴";
            case "INSURANCE" -> "企业为学徒购买实习责任保险";
            default -> "学校与企业共同考核，合格者颁发证书";
        };
    }

    private void facilities() {
        int added = 0;
        for (JsonNode facility : data.path("facilities")) {
            if (find("/api/v1/facilities?limit=200", "nameZh", facility.path("nameZh").asText()) != null) {
                continue;
            }
            List<String> hosts = new ArrayList<>();
            facility.path("hosts").forEach(h -> hosts.add(loader.organization(h.asText())));
            String hostKey = facility.path("hosts").get(0).asText();
            PlatformClient host = loader.clientOf(hostKey, hostKey.startsWith("e") ? "enterprise" : "school");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", facility.path("type").asText());
            body.put("nameZh", facility.path("nameZh").asText());
            body.put("nameEn", facility.path("nameEn").asText());
            // the host plans it alone; co-hosts, who agreed, are added by the secretariat
            body.put("hostOrganizationIds", hosts.subList(0, 1));
            body.put("level", facility.path("level").asText());
            body.put("capacity", facility.path("capacity").asInt());
            body.put("focus", facility.path("focus").asText());
            body.put("plannedOn", facility.path("plannedOn").asText());
            String id = eventually(() -> host.post("/api/v1/facilities", body)).path("id").asText();
            if (hosts.size() > 1) {
                body.put("hostOrganizationIds", hosts);
                secretariat.put("/api/v1/facilities/" + id, body);
            }
            transition("/api/v1/facilities/" + id, host, "ESTABLISH", facility.path("establishedOn").asText());
            added++;
        }
        loader.say("Studios, factory-in-school, training centers and bases: " + data.path("facilities").size()
                + " (" + added + " added)");
    }

    private void transition(String resource, PlatformClient client, String action, String on) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("on", on);
        client.post(resource + "/transitions", body);
    }

    /** The first item of a list whose {@code field} equals {@code value}, as the secretariat sees it. */
    private JsonNode find(String listPath, String field, String value) {
        for (JsonNode item : secretariat.get(listPath).path("items")) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        return null;
    }

    private static JsonNode eventually(Supplier<JsonNode> create) {
        return PlatformClient.retryWhile(422, DIRECTORY_WAIT, create);
    }
}
