package org.zhijiao.stack;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/** A PostgreSQL server of the local stack: the embedded one, or an existing one named by {@code ZHIJIAO_PG_URL}. */
public interface PostgresServer {

    /** JDBC URL of {@code database} on this server, without credentials. */
    String jdbcUrl(String database);

    String username();

    String password();

    /** Whether this server was started by the local stack (and so is stopped by it). */
    boolean isEmbedded();

    /**
     * A new connection to {@code database} with this server's credentials. Through the driver directly:
     * DriverManager may not see it from a Quarkus test class loader.
     */
    default Connection connect(String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", username());
        credentials.setProperty("password", password());
        Connection connection = new Driver().connect(jdbcUrl(database), credentials);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL: " + jdbcUrl(database));
        }
        return connection;
    }

    /** The database connected to for CREATE / DROP DATABASE. */
    String maintenanceDatabase();

    /**
     * Creates {@code database} unless it exists. Names are restricted to lower-case letters, digits and
     * underscores so that they need no quoting.
     */
    default void createDatabaseIfMissing(String database) {
        Databases.createIfMissing(this, maintenanceDatabase(), database);
    }

    /** Drops {@code database}, disconnecting its sessions first. */
    default void dropDatabaseIfExists(String database) {
        Databases.dropIfExists(this, maintenanceDatabase(), database);
    }

    /** Stops an embedded server (deleting a temporary one's data); does nothing for an external server. */
    void stop();
}
