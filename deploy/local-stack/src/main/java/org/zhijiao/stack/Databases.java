package org.zhijiao.stack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** CREATE / DROP DATABASE through a server's maintenance database. */
final class Databases {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    /** Two concurrent CREATE DATABASE of one name: the loser hits pg_database's unique index. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Databases() {
    }

    static void createIfMissing(PostgresServer server, String maintenanceDatabase, String database) {
        requireValidName(database);
        try (Connection connection = server.connect(maintenanceDatabase)) {
            if (exists(connection, database)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create database " + database + " at " + server.jdbcUrl(maintenanceDatabase), e);
            }
        }
    }

    static void dropIfExists(PostgresServer server, String maintenanceDatabase, String database) {
        requireValidName(database);
        try (Connection connection = server.connect(maintenanceDatabase); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + database + " at " + server.jdbcUrl(maintenanceDatabase), e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void requireValidName(String database) {
        if (database == null || !NAME.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "Database name must match " + NAME.pattern() + " (lower-case, no quoting needed): " + database);
        }
    }
}
