package org.zhijiao.deploy.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the services really are, read from the repository rather than restated in the test: module
 * artifactIds and HTTP ports, config keys, health paths, topics and databases from
 * docs/conventions.md, topic constants from the code.
 */
final class Repository {

    /** The four service modules (docs/conventions.md, "Modules and packages"). */
    static final List<String> SERVICES =
            List.of("gateway", "membership-service", "apprenticeship-service", "reporting-service");

    /** Keys read by an extension rather than named in a service's properties, and the extension that reads them. */
    private static final Map<String, String> EXTENSION_KEYS =
            Map.of("smallrye.jwt.sign.key.location", "quarkus-smallrye-jwt");

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    final Path root;
    private final String conventions;

    Repository(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.conventions = read(this.root.resolve("docs/conventions.md"));
    }

    static Repository fromSystemProperty() {
        String root = System.getProperty("zhijiao.repo.root");
        if (root == null) {
            throw new AssertionError("system property zhijiao.repo.root is not set (the module's pom sets it)");
        }
        return new Repository(Path.of(root));
    }

    Path k8s() {
        return root.resolve("deploy/k8s");
    }

    String artifactId(String module) {
        String pom = read(root.resolve(module).resolve("pom.xml"));
        // the module's own artifactId follows the parent block
        String afterParent = pom.substring(pom.indexOf("</parent>"));
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(afterParent);
        if (!m.find()) {
            throw new AssertionError("no artifactId in " + module + "/pom.xml");
        }
        return m.group(1);
    }

    boolean dependsOn(String module, String artifactId) {
        return read(root.resolve(module).resolve("pom.xml")).contains("<artifactId>" + artifactId + "</artifactId>");
    }

    Properties applicationProperties(String module) {
        return properties(root.resolve(module).resolve("src/main/resources/application.properties"));
    }

    Properties commonsDefaults() {
        return properties(root.resolve("commons/src/main/resources/META-INF/microprofile-config.properties"));
    }

    /** The value a service runs with (its application.properties over the commons defaults), ignoring profiles. */
    String config(String module, String key) {
        String value = applicationProperties(module).getProperty(key, commonsDefaults().getProperty(key));
        if (value == null) {
            throw new AssertionError(module + " has no value for " + key);
        }
        return value;
    }

    int httpPort(String module) {
        return Integer.parseInt(config(module, "quarkus.http.port"));
    }

    /** The port of the management interface (/q/*), which only probes, Prometheus and the gateway use. */
    int managementPort(String module) {
        if (!Boolean.parseBoolean(config(module, "quarkus.management.enabled"))) {
            throw new AssertionError(module + " serves /q/* on its API port (quarkus.management.enabled is not true)");
        }
        return Integer.parseInt(config(module, "quarkus.management.port"));
    }

    /** Every key the service reads: its properties, the commons defaults, @ConfigProperty names, conventions. */
    Set<String> configKeys(String module) {
        Set<String> keys = new TreeSet<>();
        Stream.of(applicationProperties(module), commonsDefaults())
                .flatMap(p -> p.stringPropertyNames().stream())
                .map(k -> k.startsWith("%") ? k.substring(k.indexOf('.') + 1) : k)
                .forEach(keys::add);
        for (String source : List.of("commons/src/main/java", module + "/src/main/java")) {
            javaSources(root.resolve(source)).forEach(text -> {
                Matcher m = CONFIG_PROPERTY.matcher(text);
                while (m.find()) {
                    keys.add(m.group(1));
                }
            });
        }
        keys.addAll(conventionKeys());
        EXTENSION_KEYS.forEach((key, extension) -> {
            if (dependsOn(module, extension)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** MicroProfile Config's environment variable form of a key: non-alphanumerics become '_', upper case. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private Set<String> conventionKeys() {
        Set<String> keys = new TreeSet<>();
        Matcher m = BACKTICKED.matcher(section("## Configuration keys"));
        while (m.find()) {
            String token = m.group(1);
            if (token.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+")) {
                keys.add(token);
            }
        }
        return keys;
    }

    /** Topic names spelled out in the "Events" section of docs/conventions.md. */
    Set<String> conventionTopics() {
        Set<String> topics = new TreeSet<>();
        Matcher m = Pattern.compile("`(zhijiao\\.[a-z]+\\.[a-z-]+)`").matcher(section("## Events"));
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    /** String constants of commons' Topics class, the names the producers publish to. */
    Set<String> topicConstants() {
        String source = read(root.resolve("commons/src/main/java/org/zhijiao/commons/events/Topics.java"));
        Set<String> topics = new TreeSet<>();
        Matcher m = Pattern.compile("static final String \\w+ = \"([^\"]+)\"").matcher(source);
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    /** The health endpoints named in docs/conventions.md ("Health: `/q/health/live`, ..."). */
    Map<String, String> healthPaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        Matcher m = Pattern.compile("`(/q/health/(live|ready|started))`").matcher(conventions);
        while (m.find()) {
            paths.put(m.group(2), m.group(1));
        }
        if (paths.size() != 3) {
            throw new AssertionError("docs/conventions.md no longer names the live, ready and started health paths");
        }
        return paths;
    }

    String metricsPath() {
        Matcher m = Pattern.compile("Metrics: `(/q/[a-z]+)`").matcher(conventions);
        if (!m.find()) {
            throw new AssertionError("docs/conventions.md no longer names the metrics path");
        }
        return m.group(1);
    }

    /** The database of a module, from the conventions' module table. */
    String database(String module) {
        Matcher m = Pattern.compile("\\| `" + Pattern.quote(module) + "/` \\|[^\\n]*\\| `([a-z]+)` \\|").matcher(conventions);
        if (!m.find()) {
            throw new AssertionError("docs/conventions.md names no database for " + module);
        }
        return m.group(1);
    }

    String read(String relative) {
        return read(root.resolve(relative));
    }

    private String section(String heading) {
        int start = conventions.indexOf(heading);
        if (start < 0) {
            throw new AssertionError("docs/conventions.md has no section " + heading);
        }
        int end = conventions.indexOf("\n## ", start + heading.length());
        return conventions.substring(start, end < 0 ? conventions.length() : end);
    }

    private static List<String> javaSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Repository::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
