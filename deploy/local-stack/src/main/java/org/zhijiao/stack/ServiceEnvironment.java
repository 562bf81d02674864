package org.zhijiao.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The environment a launched service gets: the configuration keys of docs/conventions.md. */
public final class ServiceEnvironment {

    /**
     * The gateway's first group-admin client (the secretariat), created by the gateway from these on start.
     * Both parts are random (no well-known admin id) and kept in a file of the run's data directory.
     */
    public record BootstrapClient(String clientId, String secret) {
    }

    private ServiceEnvironment() {
    }

    /** Database, broker and JWT keys of {@code stack} for a service whose database is {@code database}. */
    public static Map<String, String> of(LocalStack stack, String database) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", stack.postgres().jdbcUrl(database));
        environment.put("QUARKUS_DATASOURCE_USERNAME", stack.postgres().username());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", stack.postgres().password());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka().bootstrapServers());
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", stack.jwtKeys().publicKeyPath().toString());
        environment.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", stack.jwtKeys().privateKeyPath().toString());
        return environment;
    }

    /** Where a launched service answers: its API, and its management interface ({@code /q/*}). */
    public record ServiceUrls(String api, String management) {
    }

    /**
     * What the gateway needs besides: where the services are (the API to proxy to, the management
     * interface to read their OpenAPI documents from) and its bootstrap client.
     */
    public static Map<String, String> gateway(ServiceUrls membership, ServiceUrls apprenticeship, ServiceUrls reporting,
            BootstrapClient bootstrap) {
        return Map.of(
                "ZHIJIAO_MEMBERSHIP_URL", membership.api(),
                "ZHIJIAO_MEMBERSHIP_MANAGEMENT_URL", membership.management(),
                "ZHIJIAO_APPRENTICESHIP_URL", apprenticeship.api(),
                "ZHIJIAO_APPRENTICESHIP_MANAGEMENT_URL", apprenticeship.management(),
                "ZHIJIAO_REPORTING_URL", reporting.api(),
                "ZHIJIAO_REPORTING_MANAGEMENT_URL", reporting.management(),
                "ZHIJIAO_BOOTSTRAP_CLIENT_ID", bootstrap.clientId(),
                "ZHIJIAO_BOOTSTRAP_CLIENT_SECRET", bootstrap.secret());
    }

    /** The bootstrap client kept in {@code file} (owner-only; id and secret on two lines), generated on first use. */
    public static BootstrapClient bootstrapClient(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String[] lines = Files.readString(file).trim().split("\\R");
            if (lines.length == 2) {
                return new BootstrapClient(lines[0].trim(), lines[1].trim());
            }
        }
        BootstrapClient generated = new BootstrapClient("secretariat-" + random(6), random(32));
        Files.createDirectories(file.getParent());
        Files.writeString(file, generated.clientId() + "\n" + generated.secret() + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions protect it
        }
        return generated;
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
