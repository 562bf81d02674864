package org.zhijiao.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's stack: everything it keeps survives a restart of the whole stack. */
class PersistentStackTest {

    /** No ZHIJIAO_* variables: this test is about the embedded servers. */
    private static LocalStack.Settings settings(Path dataDir) {
        return LocalStack.Settings.persistent(dataDir).withEnvironment(Map.of());
    }

    @Test
    void keepsDatabaseRowsKafkaRecordsAndKeysAcrossRestarts(@TempDir Path dataDir) throws Exception {
        String publicKey;
        try (LocalStack stack = LocalStack.start(settings(dataDir))) {
            stack.postgres().createDatabaseIfMissing("membership");
            try (Connection connection = stack.postgres().connect("membership"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (value text)");
                statement.execute("INSERT INTO kept VALUES ('before restart')");
            }
            KafkaClients.produce(stack.kafka().bootstrapServers(), "kept", "k", "before restart");
            publicKey = Files.readString(stack.jwtKeys().publicKeyPath());

            IllegalStateException inUse = assertThrows(IllegalStateException.class, () -> LocalStack.start(settings(dataDir)));
            assertTrue(inUse.getMessage().contains("in use"), inUse.getMessage());
        }

        // new free ports (Kafka's controller port is new on every start anyway): the stored data pins none
        try (LocalStack stack = LocalStack.start(settings(dataDir).withKafkaPort(Ports.free()))) {
            stack.postgres().createDatabaseIfMissing("membership");
            try (Connection connection = stack.postgres().connect("membership"); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT value FROM kept")) {
                assertTrue(rows.next());
                assertEquals("before restart", rows.getString(1));
            }
            assertEquals(List.of("before restart"),
                    KafkaClients.consume(stack.kafka().bootstrapServers(), "kept", 1, Duration.ofSeconds(20)));
            assertEquals(publicKey, Files.readString(stack.jwtKeys().publicKeyPath()));
        }
        assertTrue(Files.isRegularFile(dataDir.resolve("logs/postgres.log")));

        LocalStack.deleteDataDirectory(dataDir);
        assertFalse(Files.exists(dataDir));
    }
}
