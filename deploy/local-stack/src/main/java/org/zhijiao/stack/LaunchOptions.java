package org.zhijiao.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The run command's command line. */
record LaunchOptions(boolean stackOnly, boolean reset, Path dataDir, int postgresPort, int kafkaPort,
        List<PlatformService> services, Map<PlatformService, Integer> httpPorts, Map<PlatformService, Integer> managementPorts,
        boolean demo, boolean help) {

    static final String USAGE = """
            Usage: java -jar deploy/local-stack/target/zhijiao-local-stack.jar [stack] [options]

            Starts PostgreSQL and Kafka, creates a database per service, then launches every selected
            service that has been built (<module>/target/quarkus-app/quarkus-run.jar) and waits until
            each is ready. With "stack": only PostgreSQL and Kafka. Ctrl-C stops everything.

              --data-dir DIR     data, JWT keys and logs (default .zhijiao-data)
              --reset            delete the data directory first
              --pg-port N        embedded PostgreSQL port (default 15432)
              --kafka-port N     embedded Kafka port (default 19092)
              --services LIST    services to launch, comma-separated
                                 (default membership,apprenticeship,reporting,gateway)
              --port-SERVICE N   HTTP port of one service, e.g. --port-gateway 18080
                                 (default membership 8081, apprenticeship 8082, reporting 8083, gateway 8080)
              --management-port-SERVICE N
                                 management port of one service (health, metrics, Swagger UI)
                                 (default membership 9081, apprenticeship 9082, reporting 9083, gateway 9080)
              --no-demo          do not load the reference group's data (loaded through the
                                 gateway by default; loading again changes nothing)
              --help             this text

            Environment: ZHIJIAO_PG_URL (JDBC URL with user and password parameters) and
            ZHIJIAO_KAFKA_BOOTSTRAP use existing servers instead of the embedded ones.
            """;

    static final int DEFAULT_POSTGRES_PORT = 15432;
    static final int DEFAULT_KAFKA_PORT = 19092;
    static final Path DEFAULT_DATA_DIR = Path.of(".zhijiao-data");

    /** @throws IllegalArgumentException with a message for the user */
    static LaunchOptions parse(String... args) {
        boolean stackOnly = false;
        boolean reset = false;
        boolean help = false;
        boolean demo = true;
        Path dataDir = DEFAULT_DATA_DIR;
        int postgresPort = DEFAULT_POSTGRES_PORT;
        int kafkaPort = DEFAULT_KAFKA_PORT;
        List<PlatformService> services = List.of(PlatformService.values());
        Map<PlatformService, Integer> httpPorts = new EnumMap<>(PlatformService.class);
        Map<PlatformService, Integer> managementPorts = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            httpPorts.put(service, service.defaultPort());
            managementPorts.put(service, service.defaultManagementPort());
        }

        List<String> tokens = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                tokens.add(arg.substring(0, equals)); // --flag=value is --flag value
                tokens.add(arg.substring(equals + 1));
            } else {
                tokens.add(arg);
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            switch (token) {
                case "stack" -> {
                    if (i != 0) {
                        throw new IllegalArgumentException("\"stack\" must come first");
                    }
                    stackOnly = true;
                }
                case "--reset" -> reset = true;
                case "--no-demo" -> demo = false;
                case "--help", "-h" -> help = true;
                case "--data-dir" -> dataDir = Path.of(value(tokens, ++i, token));
                case "--pg-port" -> postgresPort = port(value(tokens, ++i, token), token);
                case "--kafka-port" -> kafkaPort = port(value(tokens, ++i, token), token);
                case "--services" -> services = services(value(tokens, ++i, token));
                default -> {
                    if (token.startsWith("--management-port-")) {
                        managementPorts.put(PlatformService.byId(token.substring("--management-port-".length())),
                                port(value(tokens, ++i, token), token));
                        continue;
                    }
                    if (!token.startsWith("--port-")) {
                        throw new IllegalArgumentException("Unknown argument \"" + token + "\"");
                    }
                    httpPorts.put(PlatformService.byId(token.substring("--port-".length())), port(value(tokens, ++i, token), token));
                }
            }
        }
        return new LaunchOptions(stackOnly, reset, dataDir, postgresPort, kafkaPort, services, Map.copyOf(httpPorts),
                Map.copyOf(managementPorts), demo, help);
    }

    private static String value(List<String> tokens, int index, String flag) {
        if (index >= tokens.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return tokens.get(index);
    }

    private static int port(String value, String flag) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a port number (1-65535), got \"" + value + "\"");
    }

    private static List<PlatformService> services(String list) {
        LinkedHashSet<PlatformService> services = new LinkedHashSet<>();
        Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .map(PlatformService::byId)
                .forEach(services::add);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("--services needs at least one of " + PlatformService.ids());
        }
        return List.copyOf(services);
    }
}
