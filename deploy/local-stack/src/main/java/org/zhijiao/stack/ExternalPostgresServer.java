package org.zhijiao.stack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An existing PostgreSQL server, given as a JDBC URL with {@code user} and {@code password} parameters
 * (the form of {@code ZHIJIAO_PG_URL}); the user must be allowed to create databases. The
 * {@code otherParameters} are the connection parameters other than the credentials (sslmode, …), kept
 * for every database's URL.
 */
public record ExternalPostgresServer(String hostAndPort, String maintenanceDatabase, String otherParameters,
        String username, String password) implements PostgresServer {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final String DEFAULT_MAINTENANCE_DATABASE = "postgres";

    /**
     * Parses e.g. {@code jdbc:postgresql://localhost:5432/postgres?user=zhijiao&password=secret}. The database
     * in the URL (default {@code postgres}) is the one connected to for CREATE / DROP DATABASE.
     */
    public static ExternalPostgresServer fromJdbcUrl(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Expected a JDBC URL like "
                    + "jdbc:postgresql://localhost:5432/postgres?user=zhijiao&password=secret, got: " + redact(url));
        }
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String location = query < 0 ? rest : rest.substring(0, query);
        int slash = location.indexOf('/');
        String hostAndPort = slash < 0 ? location : location.substring(0, slash);
        String database = slash < 0 ? "" : location.substring(slash + 1);

        String username = null;
        String password = "";
        List<String> others = new ArrayList<>();
        if (query >= 0) {
            for (String parameter : rest.substring(query + 1).split("&")) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                String value = equals < 0 ? "" : URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
                switch (name) {
                    case "user" -> username = value;
                    case "password" -> password = value;
                    case "" -> { }
                    default -> others.add(parameter);
                }
            }
        }
        if (hostAndPort.isEmpty() || username == null || username.isEmpty()) {
            throw new IllegalArgumentException("Expected a host and a user parameter in " + redact(url));
        }
        return new ExternalPostgresServer(hostAndPort, database.isEmpty() ? DEFAULT_MAINTENANCE_DATABASE : database,
                String.join("&", others), username, password);
    }

    @Override
    public String jdbcUrl(String database) {
        return PREFIX + hostAndPort + "/" + database + (otherParameters.isEmpty() ? "" : "?" + otherParameters);
    }

    @Override
    public boolean isEmbedded() {
        return false;
    }

    @Override
    public void stop() {
        // not ours to stop
    }

    private static String redact(String url) {
        return url == null ? "nothing" : url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "external PostgreSQL at " + hostAndPort + " as " + username;
    }
}
