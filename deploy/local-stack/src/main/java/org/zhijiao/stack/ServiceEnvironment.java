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

    /** The gateway's first group-admin client (the secretariat), created from these on start. */
    public static final String BOOTSTRAP_CLIENT_ID = "secretariat";

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

    /** What the gateway needs besides: where the services are and its bootstrap client's secret. */
    public static Map<String, String> gateway(String membershipUrl, String apprenticeshipUrl, String reportingUrl,
            String bootstrapSecret) {
        return Map.of(
                "ZHIJIAO_MEMBERSHIP_URL", membershipUrl,
                "ZHIJIAO_APPRENTICESHIP_URL", apprenticeshipUrl,
                "ZHIJIAO_REPORTING_URL", reportingUrl,
                "ZHIJIAO_BOOTSTRAP_CLIENT_ID", BOOTSTRAP_CLIENT_ID,
                "ZHIJIAO_BOOTSTRAP_CLIENT_SECRET", bootstrapSecret);
    }

    /** The bootstrap secret kept in {@code file} (owner-only), generated on first use. */
    public static String bootstrapSecret(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.readString(file).trim();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        Files.writeString(file, secret + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions protect it
        }
        return secret;
    }
}
