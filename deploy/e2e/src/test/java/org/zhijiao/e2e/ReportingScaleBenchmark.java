package org.zhijiao.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.zhijiao.stack.LaunchedService;
import org.zhijiao.stack.LocalStack;
import org.zhijiao.testing.TestTokens;

/**
 * On demand only (reporting-service/bench/scale.sh): the reporting service at the scale reference
 * of the design — by default 1,000,000 member organizations with their memberships and 200,000
 * enrollments — produced straight onto the topics, then consumed by the real reporting-service jar
 * (its own JVM, with the heap the run command gives it). Prints every figure next to its target.
 */
class ReportingScaleBenchmark {

    private static final int ORGANIZATIONS = Integer.getInteger("bench.organizations", 1_000_000);
    private static final int ENROLLMENTS = Integer.getInteger("bench.enrollments", ORGANIZATIONS / 5);
    private static final int COHORTS = Math.max(10, ENROLLMENTS / 40);
    private static final int PROGRAMS = Math.max(5, COHORTS / 25);
    private static final String LIVE_DAY = "2099-06-01";
    private static final String[] KINDS = {"ENTERPRISE", "ENTERPRISE", "ENTERPRISE", "ENTERPRISE", "ENTERPRISE",
        "ENTERPRISE", "ENTERPRISE", "ENTERPRISE", "SCHOOL", "INDUSTRY_ASSOCIATION"};
    private static final String[] PROVINCES = {"山东省", "江苏省", "广东省", "浙江省", "河南省", "四川省", "湖北省", "湖南省",
        "河北省", "福建省", "安徽省", "辽宁省", "陕西省", "江西省", "重庆市", "云南省", "广西壮族自治区", "山西省", "贵州省",
        "吉林省", "黑龙江省", "甘肃省", "内蒙古自治区", "新疆维吾尔自治区", "天津市", "上海市", "北京市", "海南省", "宁夏回族自治区",
        "青海省", "西藏自治区"};
    private static final String[] SIZES = {"LARGE", "MEDIUM", "SMALL", "MICRO"};

    private final Random random = new Random(20221231L);
    private final List<String> lines = new ArrayList<>();

    @Test
    void scale() throws Exception {
        Path root = Platform.repositoryRoot();
        Path logs = root.resolve("deploy/e2e/target/bench-logs");
        Files.createDirectories(logs);
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.temporary())) {
            long produced = produce(stack);
            long t0 = System.nanoTime();
            // -Dbench.debug=true logs each batch's phases (deploy/e2e/target/bench-logs/reporting.log)
            // -Dbench.jfr=/tmp/reporting.jfr records a flight recording of the service
            Map<String, String> environment = new java.util.HashMap<>();
            if (Boolean.getBoolean("bench.debug")) {
                environment.put("QUARKUS_LOG_CATEGORY__ORG_ZHIJIAO_REPORTING_PROJECTION__LEVEL", "DEBUG");
                // the folder's folds and vacuums of the pending counter entries
                environment.put("QUARKUS_LOG_CATEGORY__ORG_ZHIJIAO_REPORTING_COUNTERS__LEVEL", "DEBUG");
            }
            // -Dbench.env=KEY=VALUE,... sets the service's environment, e.g. ZHIJIAO_REPORTING_CONSUMER_MAX_POLL_RECORDS=4000
            for (String pair : System.getProperty("bench.env", "").split(",")) {
                if (pair.contains("=")) {
                    environment.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            if (System.getProperty("bench.jfr") != null) {
                environment.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename="
                        + System.getProperty("bench.jfr"));
            }
            try (LaunchedService reporting = LaunchedService.start("reporting", root, stack, "reporting", environment,
                    logs.resolve("reporting.log"), Duration.ofMinutes(3))) {
                Api api = new Api(URI.create(reporting.url()), TestTokens.admin(stack));
                double applyRate = awaitApplied(stack, produced, t0);
                double bulkRate = bulkInsertRate(stack, 200_000);
                report("consumer", "applied %d events at %.0f events/s; bulk insert of projection rows %.0f rows/s; "
                        + "ratio %.2f (target >= 5000 events/s)", produced, applyRate, bulkRate, applyRate / bulkRate);
                System.gc();
                report("memory", "reporting-service resident %d MB after loading (target <= 512 MB)",
                        residentMb(reporting.pid()));
                summaryLatency(api);
                reportLatency(api);
                // as every round before the thirteenth measured it: straight after the load, while PostgreSQL's
                // autovacuum still works through the rows just loaded (a one-off cost of the load, not of a steady rate)
                freshness(stack, api, 500, 20, READ_EVERY, "just after the load");
                awaitMaintenanceDone(stack, Duration.ofMinutes(20));
                for (int rate : new int[] {500, 1000, 2000}) {
                    freshness(stack, api, rate, 20, READ_EVERY, "steady");
                }
                // as the rounds before the twelfth measured it: a reader that never pauses (it and the reads it asks
                // for take about one of the two cores from the service)
                freshness(stack, api, 500, 20, Duration.ZERO, "steady");
                // the baseline again, next to the rebuild: the machine's speed drifts within a run
                rebuild(api, bulkRate, bulkInsertRate(stack, 200_000));
                report("memory", "reporting-service resident %d MB at the end (target <= 512 MB)",
                        residentMb(reporting.pid()));
            }
        }
        System.out.println();
        System.out.println("SCALE BENCHMARK (" + ORGANIZATIONS + " organizations, " + ENROLLMENTS + " enrollments, "
                + Runtime.getRuntime().availableProcessors() + " cores)");
        lines.forEach(System.out::println);
        System.out.println();
    }

    private void report(String what, String format, Object... args) {
        String line = String.format(Locale.ROOT, "SCALE %-10s ", what) + String.format(Locale.ROOT, format, args);
        lines.add(line);
        System.out.println(line);
    }

    // --- load

    private long produce(LocalStack stack) {
        long t0 = System.nanoTime();
        long count = 0;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            List<String> enterprises = new ArrayList<>();
            List<String> schools = new ArrayList<>();
            for (int i = 0; i < ORGANIZATIONS; i++) {
                String id = UUID.randomUUID().toString();
                String kind = KINDS[random.nextInt(KINDS.length)];
                (kind.equals("SCHOOL") ? schools : kind.equals("ENTERPRISE") ? enterprises : new ArrayList<String>()).add(id);
                send(producer, "zhijiao.membership.organizations", id, organization(id, kind));
                send(producer, "zhijiao.membership.memberships", null, membership(id, kind));
                count += 2;
            }
            List<String> programs = new ArrayList<>();
            for (int i = 0; i < PROGRAMS; i++) {
                String id = UUID.randomUUID().toString();
                programs.add(id);
                send(producer, "zhijiao.apprenticeship.programs", id, program(id, pick(schools)));
                count++;
            }
            List<String[]> cohorts = new ArrayList<>();
            for (int i = 0; i < COHORTS; i++) {
                String id = UUID.randomUUID().toString();
                String[] members = new String[20];
                for (int e = 0; e < members.length; e++) {
                    members[e] = pick(enterprises);
                }
                String program = pick(programs);
                cohorts.add(new String[] {id, program, String.join(",", new java.util.LinkedHashSet<>(Arrays.asList(members)))});
                send(producer, "zhijiao.apprenticeship.cohorts", id, cohort(id, program, pick(schools), 1 + i % 10,
                        new java.util.LinkedHashSet<>(Arrays.asList(members))));
                count++;
            }
            for (int i = 0; i < ENROLLMENTS; i++) {
                String id = UUID.randomUUID().toString();
                String[] cohort = cohorts.get(random.nextInt(cohorts.size()));
                String[] members = cohort[2].split(",");
                send(producer, "zhijiao.apprenticeship.enrollments", id, enrollment(id, cohort[0], cohort[1],
                        members[random.nextInt(members.length)]));
                count++;
            }
            producer.flush();
        }
        report("load", "%d events produced onto the topics in %.1f s", count, (System.nanoTime() - t0) / 1e9);
        return count;
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String event) {
        String subject = key != null ? key : event.substring(event.indexOf("\"subject\":\"") + 11,
                event.indexOf('"', event.indexOf("\"subject\":\"") + 11));
        producer.send(new ProducerRecord<>(topic, subject, event));
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private LocalDate day(int fromYear, int toYear) {
        long first = LocalDate.of(fromYear, 1, 1).toEpochDay();
        return LocalDate.ofEpochDay(first + random.nextInt((int) (LocalDate.of(toYear, 12, 31).toEpochDay() - first)));
    }

    private String chains() {
        StringBuilder b = new StringBuilder("[");
        int n = 1 + random.nextInt(3);
        java.util.TreeSet<String> codes = new java.util.TreeSet<>();
        for (int i = 0; i < n; i++) {
            codes.add("IC-" + (1 + random.nextInt(24)));
        }
        for (String c : codes) {
            b.append(b.length() > 1 ? "," : "").append('"').append(c).append('"');
        }
        return b.append(']').toString();
    }

    private String attributes(String from, String kind, String chains, String province) {
        return "{\"from\":" + (from == null ? "null" : "\"" + from + "\"") + ",\"kind\":\"" + kind + "\",\"schoolLevel\":"
                + (kind.equals("SCHOOL") ? "\"SECONDARY_VOCATIONAL\"" : "null") + ",\"enterpriseSize\":"
                + (kind.equals("ENTERPRISE") ? "\"" + SIZES[random.nextInt(SIZES.length)] + "\"" : "null")
                + ",\"industryChains\":" + (kind.equals("ENTERPRISE") ? chains : "[]") + ",\"region\":{\"city\":\"市\","
                + "\"province\":\"" + province + "\",\"country\":\"CN\"},\"overseas\":false}";
    }

    private String organization(String id, String kind) {
        String province = PROVINCES[random.nextInt(PROVINCES.length)];
        String chains = chains();
        String history = attributes(null, kind, chains, province);
        if (random.nextInt(5) == 0) {
            chains = chains();
            history += "," + attributes(day(2015, 2025).toString(), kind, chains, province);
        }
        String data = "{\"id\":\"" + id + "\",\"nameZh\":\"组织" + id.substring(0, 8) + "\",\"nameEn\":null,\"creditCode\":null,"
                + "\"kind\":\"" + kind + "\",\"schoolLevel\":" + (kind.equals("SCHOOL") ? "\"SECONDARY_VOCATIONAL\"" : "null")
                + ",\"enterpriseSize\":" + (kind.equals("ENTERPRISE") ? "\"MEDIUM\"" : "null") + ",\"industryChains\":"
                + (kind.equals("ENTERPRISE") ? chains : "[]") + ",\"region\":{\"city\":\"市\",\"province\":\"" + province
                + "\",\"country\":\"CN\"},\"overseas\":false,\"campuses\":[],\"attributeHistory\":[" + history
                + "],\"createdAt\":\"2020-01-01T00:00:00Z\",\"updatedAt\":\"2020-01-01T00:00:00Z\",\"version\":0}";
        return envelope("membership", "organization.registered", id, data);
    }

    private String membership(String organization, String kind) {
        String id = UUID.randomUUID().toString();
        LocalDate applied = day(2008, 2025);
        List<String[]> steps = new ArrayList<>(List.of(new String[] {"APPLIED", "APPLY", applied.toString()},
                new String[] {"UNDER_REVIEW", "REVIEW", applied.plusDays(10).toString()},
                new String[] {"ACTIVE", "APPROVE", applied.plusDays(30).toString()}));
        if (random.nextInt(5) == 0) {
            steps.add(new String[] {"WITHDRAWN", "WITHDRAW", applied.plusDays(30 + random.nextInt(3000)).toString()});
        }
        String alliances = random.nextInt(20) == 0 ? "[\"EAST-WEST\"]" : "[]";
        String data = "{\"id\":\"" + id + "\",\"organizationId\":\"" + organization + "\",\"organizationKind\":\"" + kind
                + "\",\"role\":\"MEMBER\",\"subAlliances\":" + alliances + ",\"subAllianceHistory\":[{\"from\":null,"
                + "\"subAlliances\":" + alliances + "}]," + lifecycle(steps) + "}";
        return envelope("membership", "membership." + (steps.size() == 3 ? "activated" : "withdrawn"), id, data);
    }

    private String program(String id, String school) {
        LocalDate drafted = day(2010, 2015);
        String data = "{\"id\":\"" + id + "\",\"kind\":\"MODERN_APPRENTICESHIP\",\"schoolId\":\"" + school
                + "\",\"specialtyIds\":[]," + lifecycle(List.of(new String[] {"DRAFT", "DRAFT", drafted.toString()},
                        new String[] {"APPROVED", "APPROVE", drafted.plusDays(20).toString()},
                        new String[] {"PUBLISHED", "PUBLISH", drafted.plusDays(40).toString()})) + "}";
        return envelope("apprenticeship", "program.published", id, data);
    }

    private String cohort(String id, String program, String school, int batch, java.util.Set<String> enterprises) {
        LocalDate planned = day(2012, 2024);
        StringBuilder list = new StringBuilder();
        for (String e : enterprises) {
            list.append(list.length() > 0 ? "," : "").append("{\"enterpriseId\":\"").append(e).append("\",\"places\":2}");
        }
        String data = "{\"id\":\"" + id + "\",\"programId\":\"" + program + "\",\"schoolId\":\"" + school
                + "\",\"nameZh\":\"第" + batch + "期工匠班\",\"batchNumber\":" + batch + ",\"enterprises\":[" + list
                + "],\"totalPlaces\":" + enterprises.size() * 2 + "," + lifecycle(List.of(
                        new String[] {"PLANNED", "PLAN", planned.toString()},
                        new String[] {"RECRUITING", "OPEN_RECRUITMENT", planned.plusDays(30).toString()},
                        new String[] {"ACTIVE", "START", planned.plusDays(90).toString()},
                        new String[] {"CLOSED", "CLOSE", planned.plusDays(90 + 700).toString()})) + "}";
        return envelope("apprenticeship", "cohort.closed", id, data);
    }

    private String enrollment(String id, String cohort, String program, String enterprise) {
        LocalDate created = day(2012, 2025);
        List<String[]> steps = new ArrayList<>(List.of(new String[] {"PENDING_AGREEMENT", "CREATE", created.toString()},
                new String[] {"REGISTERED", "REGISTER", created.plusDays(5).toString()},
                new String[] {"ACTIVE", "START", created.plusDays(20).toString()}));
        int end = random.nextInt(4);
        if (end == 0) {
            steps.add(new String[] {"COMPLETED", "COMPLETE", created.plusDays(700).toString()});
        } else if (end == 1) {
            steps.add(new String[] {"WITHDRAWN", "WITHDRAW", created.plusDays(20 + random.nextInt(600)).toString()});
        }
        String data = "{\"id\":\"" + id + "\",\"cohortId\":\"" + cohort + "\",\"programId\":\"" + program
                + "\",\"schoolId\":\"" + UUID.randomUUID() + "\",\"enterpriseId\":\"" + enterprise
                + "\",\"inProbation\":false,\"withdrawalReason\":" + (end == 1 ? "\"STUDENT_REQUEST\"" : "null")
                + ",\"assignments\":[{\"role\":\"MENTOR\",\"name\":\"师傅\",\"staffNumber\":\"M" + random.nextInt(50)
                + "\",\"from\":\"" + created + "\",\"until\":null}]," + lifecycle(steps) + "}";
        return envelope("apprenticeship", "enrollment.started", id, data);
    }

    private static String lifecycle(List<String[]> steps) {
        StringBuilder history = new StringBuilder();
        for (String[] s : steps) {
            history.append(history.length() > 0 ? "," : "").append("{\"status\":\"").append(s[0]).append("\",\"action\":\"")
                    .append(s[1]).append("\",\"on\":\"").append(s[2]).append("\",\"reason\":null,\"recordedAt\":\"")
                    .append(s[2]).append("T08:00:00Z\",\"recordedBy\":\"bench\"}");
        }
        return "\"status\":\"" + steps.get(steps.size() - 1)[0] + "\",\"allowedActions\":[],\"history\":[" + history
                + "],\"createdAt\":\"" + steps.get(0)[2] + "T08:00:00Z\",\"version\":" + (steps.size() - 1);
    }

    private static String envelope(String service, String type, String subject, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/zhijiao/" + service
                + "-service\",\"type\":\"org.zhijiao." + type + "\",\"subject\":\"" + subject + "\",\"time\":\""
                + Instant.now() + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    // --- measurements

    private double awaitApplied(LocalStack stack, long produced, long t0) throws Exception {
        long first = 0;
        long firstCount = 0;
        while (true) {
            long applied = applied(stack);
            long now = System.nanoTime();
            if (applied > 0 && first == 0) {
                first = now;
                firstCount = applied;
            }
            if (applied >= produced) {
                report("consumer", "caught up %.1f s after the service was launched", (now - t0) / 1e9);
                return (applied - firstCount) / Math.max(1e-9, (now - first) / 1e9);
            }
            Thread.sleep(500);
        }
    }

    private static long applied(LocalStack stack) {
        try (Connection c = stack.postgres().connect("reporting");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(sum(next_offset), 0) FROM applied_position")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return 0; // not migrated yet
        }
    }

    /** The baseline: the projection's own rows, batch-inserted into a temporary copy of the table. */
    private static double bulkInsertRate(LocalStack stack, int rows) throws Exception {
        try (Connection c = stack.postgres().connect("reporting")) {
            List<Object[]> sample = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT topic, aggregate_id, version, "
                    + "event_id, event_type, event_time, data::text, applied_at FROM projection LIMIT 20000")) {
                while (rs.next()) {
                    sample.add(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6), rs.getString(7), rs.getTimestamp(8)});
                }
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE bench_projection (LIKE projection INCLUDING ALL)");
            }
            long t0 = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_projection (topic, aggregate_id, version, "
                    + "event_id, event_type, event_time, data, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
                for (int i = 0; i < rows; i++) {
                    Object[] row = sample.get(i % sample.size());
                    for (int f = 0; f < row.length; f++) {
                        insert.setObject(f + 1, f == 1 ? row[f] + "#" + i : row[f]);
                    }
                    insert.addBatch();
                    if ((i + 1) % 2000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            double rate = rows / ((System.nanoTime() - t0) / 1e9);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_projection");
            }
            c.commit();
            return rate;
        }
    }

    private void summaryLatency(Api api) throws Exception {
        String[] figures = {"members", "memberSchools", "memberEnterprises", "enterprisesInCohorts", "apprenticesActive",
            "mentors", "industryChainsServed", "cohorts", "programs"};
        // warm-up, not counted: every figure once for a few years (JIT-compiled read path, database pages in cache)
        for (String figure : figures) {
            for (int year = 2016; year <= 2018; year++) {
                api.get("/api/v1/summary?year=" + year + "&figure=" + figure, "application/json");
            }
        }
        double[] ms = new double[300];
        String[] queries = new String[ms.length];
        for (int i = 0; i < ms.length; i++) {
            queries[i] = "year=" + (2009 + random.nextInt(17)) + "&figure=" + figures[random.nextInt(figures.length)];
            long t = System.nanoTime();
            api.get("/api/v1/summary?" + queries[i], "application/json");
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Integer[] slowest = new Integer[ms.length];
        Arrays.setAll(slowest, i -> i);
        Arrays.sort(slowest, (a, b) -> Double.compare(ms[b], ms[a]));
        StringBuilder tail = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            tail.append(String.format(" %s %.0f ms;", queries[slowest[i]], ms[slowest[i]]));
        }
        Arrays.sort(ms);
        report("summary", "one figure with its slices, %d requests after a warm-up of 27: p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                + "(target p99 <= 50 ms)", ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.99)], ms[ms.length - 1]);
        report("summary", "the slowest:%s", tail);
        double[] all = new double[20];
        for (int i = 0; i < all.length; i++) {
            long t = System.nanoTime();
            api.get("/api/v1/summary?year=" + (2006 + i), "application/json");
            all[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(all);
        report("summary", "every figure for a year, %d requests: p50 %.1f ms, max %.1f ms", all.length,
                all[all.length / 2], all[all.length - 1]);
    }

    private void reportLatency(Api api) throws Exception {
        double[] json = new double[10];
        double[] html = new double[10];
        for (int i = 0; i < json.length; i++) {
            long t = System.nanoTime();
            api.get("/api/v1/reports/" + (2016 + i), "application/json");
            json[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            api.get("/api/v1/reports/" + (2016 + i) + ".html?lang=en", "text/html");
            html[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(json);
        Arrays.sort(html);
        report("report", "annual report JSON, first request per year (not cached): p50 %.0f ms, max %.0f ms "
                + "(target <= 500 ms)", json[json.length / 2], json[json.length - 1]);
        report("report", "annual report HTML (en) after its JSON: p50 %.0f ms, max %.0f ms (target <= 500 ms)",
                html[html.length / 2], html[html.length - 1]);
        double[] zh = new double[5];
        for (int i = 0; i < zh.length; i++) {
            long t = System.nanoTime();
            api.get("/api/v1/reports/" + (2011 + i) + ".html?lang=zh", "text/html");
            zh[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(zh);
        report("report", "annual report HTML (zh), nothing cached: p50 %.0f ms, max %.0f ms (target <= 500 ms)",
                zh[zh.length / 2], zh[zh.length - 1]);
    }

    /**
     * How often the freshness reader reads the summary: a client watching a figure, not one reading in a loop; the
     * latency it measures is at most this much later than the change's visibility.
     */
    private static final Duration READ_EVERY = Duration.ofMillis(10);

    /**
     * Event-to-summary latency at a steady rate: new members on a far day, counted by reading the summary every
     * {@code readEvery} (each read starts that long after the previous one started, or when it ended if later).
     */
    private void freshness(LocalStack stack, Api api, int rate, int seconds, Duration readEvery, String when)
            throws Exception {
        Pattern atEnd = Pattern.compile("\"atEnd\":(\\d+)");
        String query = "/api/v1/summary?asOf=" + LIVE_DAY + "&figure=otherMembers";
        java.util.function.LongSupplier count = () -> {
            try {
                Matcher m = atEnd.matcher(api.get(query, "application/json"));
                return m.find() ? Long.parseLong(m.group(1)) : 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        long base = count.getAsLong();
        int total = rate * seconds;
        long[] sentAt = new long[total];
        long[] seenAt = new long[total];
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        Thread poller = new Thread(() -> {
            int seen = 0;
            while (!done.get()) {
                long next = System.nanoTime() + readEvery.toNanos();
                long c = count.getAsLong() - base;
                reads.incrementAndGet();
                long now = System.nanoTime();
                for (; seen < Math.min(c, total); seen++) {
                    seenAt[seen] = now;
                }
                done.compareAndSet(false, seen >= total);
                for (long wait = next - System.nanoTime(); wait > 0 && !done.get(); wait = next - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
        });
        poller.start();
        Maintenance maintenance = new Maintenance(stack);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        Instant since = Instant.now();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                // sleep until due, never spin: a spinning sender took one of the machine's two cores from the
                // service, PostgreSQL and Kafka for the whole measurement
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                sentAt[i] = System.nanoTime();
                String org = UUID.randomUUID().toString();
                String id = UUID.randomUUID().toString();
                String data = "{\"id\":\"" + id + "\",\"organizationId\":\"" + org + "\",\"organizationKind\":\"OTHER\","
                        + "\"role\":\"MEMBER\",\"subAlliances\":[]," + lifecycle(List.of(
                                new String[] {"APPLIED", "APPLY", LIVE_DAY}, new String[] {"UNDER_REVIEW", "REVIEW", LIVE_DAY},
                                new String[] {"ACTIVE", "APPROVE", LIVE_DAY})) + "}";
                producer.send(new ProducerRecord<>("zhijiao.membership.memberships", id,
                        envelope("membership", "membership.activated", id, data)));
            }
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        poller.join(Duration.ofSeconds(120).toMillis());
        double readSeconds = (System.nanoTime() - start) / 1e9;
        done.set(true);
        String maintained = maintenance.stop();
        double[] ms = new double[total];
        for (int i = 0; i < total; i++) {
            ms[i] = seenAt[i] == 0 ? Double.POSITIVE_INFINITY : (Math.max(seenAt[i], sentAt[i]) - sentAt[i]) / 1e6;
        }
        Arrays.sort(ms);
        report("freshness", "%s, %d changes at %.0f/s, the summary read every %d ms (%.0f reads/s): event-to-summary "
                + "p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 <= 250 ms at 500/s)", when, total, total / sendSeconds,
                readEvery.toMillis(), reads.get() / readSeconds, ms[total / 2], ms[(int) (total * 0.99)], ms[total - 1]);
        report("freshness", "  of which event to projection (sent until the apply wrote it, before its commit): %s",
                sentToApplied(stack, since));
        report("freshness", "  maintenance seen meanwhile: %s", maintained);
    }

    /** The window's memberships: from their events' time (when sent) to when the service wrote them, p50 and p99. */
    private static String sentToApplied(LocalStack stack, Instant since) throws Exception {
        try (Connection c = stack.postgres().connect("reporting");
                PreparedStatement s = c.prepareStatement("""
                        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)
                        FROM (SELECT extract(epoch FROM applied_at - event_time) * 1000 AS ms FROM projection
                              WHERE topic = 'zhijiao.membership.memberships' AND event_time >= ?) AS w""")) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getObject(1) == null) {
                    return "none of the window's changes was written";
                }
                return String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms", rs.getDouble(1), rs.getDouble(2));
            }
        }
    }

    /**
     * Waits until no autovacuum worker has run in the service's database for five seconds in a row: the vacuums and
     * analyzes of what the load wrote (the projection's first vacuum sets every page's visibility and hint bits, and
     * scans every index). Prints how long that took, or that it was still going after {@code max}.
     */
    private void awaitMaintenanceDone(LocalStack stack, Duration max) throws Exception {
        long start = System.nanoTime();
        int quiet = 0;
        Set<String> seen = new TreeSet<>();
        try (Connection c = stack.postgres().connect("reporting");
                PreparedStatement s = c.prepareStatement("""
                        SELECT regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_activity
                        WHERE datname = current_database() AND backend_type = 'autovacuum worker'""")) {
            while (quiet < 5 && System.nanoTime() - start < max.toNanos()) {
                boolean running = false;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        running = true;
                        seen.add(rs.getString(1));
                    }
                }
                quiet = running ? 0 : quiet + 1;
                Thread.sleep(1000);
            }
        }
        report("freshness", "waited %.0f s for the load's autovacuum to finish%s: %s", (System.nanoTime() - start) / 1e9,
                quiet < 5 ? " (still running: stopped waiting)" : "", seen.isEmpty() ? "none ran" : String.join("; ", seen));
    }

    /**
     * Samples, every 250 ms until stopped, which vacuums and analyzes PostgreSQL runs (autovacuum's and the
     * service's own): what competes with the live path for the machine while a freshness window is measured.
     */
    private static final class Maintenance {
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Map<String, Integer> seen = new java.util.TreeMap<>();
        private final Thread thread;
        private int samples;
        /** PostgreSQL's checkpoints (and the buffers they wrote) in the window, and the most dirty page cache seen. */
        private long[] checkpointsBefore;
        private long[] checkpointsAfter;
        private long maxDirtyKb;

        Maintenance(LocalStack stack) {
            thread = new Thread(() -> {
                try (Connection c = stack.postgres().connect("reporting");
                        PreparedStatement s = c.prepareStatement("""
                                SELECT datname || ': ' || regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_activity
                                WHERE state = 'active' AND pid <> pg_backend_pid()
                                  AND (backend_type = 'autovacuum worker' OR query ~* '^\\s*(VACUUM|ANALYZE)')""")) {
                    checkpointsBefore = checkpoints(c);
                    while (!stopped.get()) {
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                seen.merge(rs.getString(1), 1, Integer::sum);
                            }
                        }
                        // the kernel's dirty page cache not yet written back (the load's writes, PostgreSQL's and Kafka's)
                        maxDirtyKb = Math.max(maxDirtyKb, procKb(Path.of("/proc/meminfo"), "Dirty:"));
                        samples++;
                        Thread.sleep(250);
                    }
                    checkpointsAfter = checkpoints(c);
                } catch (Exception e) {
                    seen.put("sampling failed: " + e.getMessage(), 0);
                }
            }, "maintenance-sampler");
            thread.start();
        }

        /** Checkpoints so far and the buffers they wrote (PostgreSQL 17's view); null where the view is not there. */
        private static long[] checkpoints(Connection c) {
            try (var s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT num_timed + num_requested, buffers_written FROM pg_stat_checkpointer")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            } catch (SQLException e) {
                return null;
            }
        }


        /** Stops sampling; each statement seen with the share of samples it was running in, checkpoints, dirty pages. */
        String stop() throws InterruptedException {
            stopped.set(true);
            thread.join();
            List<String> parts = new ArrayList<>();
            seen.forEach((statement, count) -> parts.add("%s (%d of %d samples)".formatted(statement, count, samples)));
            if (seen.isEmpty()) {
                parts.add("no vacuum or analyze in " + samples + " samples");
            }
            if (checkpointsBefore != null && checkpointsAfter != null) {
                parts.add("checkpoints %d (%d buffers written)".formatted(checkpointsAfter[0] - checkpointsBefore[0],
                        checkpointsAfter[1] - checkpointsBefore[1]));
            }
            parts.add("dirty page cache at most %d MB".formatted(maxDirtyKb / 1024));
            return String.join("; ", parts);
        }
    }

    private void rebuild(Api api, double bulkAfterLoad, double bulkRate) throws Exception {
        String started = api.post("/api/v1/projections/rebuilds");
        String id = started.substring(started.indexOf("\"id\":\"") + 6, started.indexOf('"', started.indexOf("\"id\":\"") + 6));
        String state;
        String view;
        do {
            Thread.sleep(1000);
            view = api.get("/api/v1/projections/rebuilds/" + id, "application/json");
            state = view.replaceAll(".*\"state\":\"([A-Z]+)\".*", "$1");
        } while (state.equals("RUNNING"));
        Matcher read = Pattern.compile("\"recordsRead\":(\\d+)").matcher(view);
        Matcher rate = Pattern.compile("\"recordsPerSecond\":([0-9.]+)").matcher(view);
        double perSecond = rate.find() ? Double.parseDouble(rate.group(1)) : 0;
        report("rebuild", "%s: %s records replayed at %.0f records/s; bulk insert %.0f rows/s just before (%.0f after the "
                + "load); ratio %.2f (target >= 0.5)", state, read.find() ? read.group(1) : "?", perSecond, bulkRate,
                bulkAfterLoad, perSecond / bulkRate);
    }

    private static long residentMb(long pid) throws IOException {
        long kb = procKb(Path.of("/proc/" + pid + "/status"), "VmRSS:");
        return kb < 0 ? -1 : kb / 1024;
    }

    /** A {@code key: N kB} line of a /proc file (status, meminfo), in kB; -1 when the file has none. */
    private static long procKb(Path file, String key) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** The service's API with a group-admin token. */
    private static final class Api {
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI base;
        private final String token;

        Api(URI base, String token) {
            this.base = base;
            this.token = token;
        }

        String get(String path, String accept) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept)
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        String post(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }
    }
}
