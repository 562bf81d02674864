package org.zhijiao.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExternalPostgresServerTest {

    @Test
    void takesCredentialsOutOfTheUrlAndKeepsOtherParameters() {
        ExternalPostgresServer server = ExternalPostgresServer.fromJdbcUrl(
                "jdbc:postgresql://db.example:5433/admin?user=zhijiao&password=s%26cret&sslmode=require");

        assertEquals("zhijiao", server.username());
        assertEquals("s&cret", server.password());
        assertEquals("jdbc:postgresql://db.example:5433/membership?sslmode=require", server.jdbcUrl("membership"));
        assertFalse(server.isEmbedded());
    }

    @Test
    void acceptsAUrlWithoutDatabaseOrPassword() {
        ExternalPostgresServer server = ExternalPostgresServer.fromJdbcUrl("jdbc:postgresql://localhost?user=me");

        assertEquals("me", server.username());
        assertEquals("", server.password());
        assertEquals("jdbc:postgresql://localhost/reporting", server.jdbcUrl("reporting"));
    }

    @Test
    void rejectsOtherUrlsWithoutRevealingThePassword() {
        IllegalArgumentException noUser = assertThrows(IllegalArgumentException.class,
                () -> ExternalPostgresServer.fromJdbcUrl("jdbc:postgresql://localhost:5432/postgres?password=secret"));
        assertFalse(noUser.getMessage().contains("secret"), noUser.getMessage());

        assertThrows(IllegalArgumentException.class, () -> ExternalPostgresServer.fromJdbcUrl("postgres://localhost/db?user=me"));
    }
}
