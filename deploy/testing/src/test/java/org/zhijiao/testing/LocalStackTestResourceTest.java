package org.zhijiao.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhijiao.stack.KafkaClients;
import org.zhijiao.stack.KafkaServer;
import org.zhijiao.stack.LocalStack;

/** The test resource as a service's test sees it, on the JVM-wide stack (embedded unless ZHIJIAO_* are set). */
class LocalStackTestResourceTest {

    private static Map<String, String> config;

    @BeforeAll
    static void startResource() {
        LocalStackTestResource resource = new LocalStackTestResource();
        resource.init(Map.of(LocalStackTestResource.DATABASE, "membership"));
        config = resource.start();
    }

    @Test
    void configuresTheApplication() {
        assertEquals(LocalStackTestResource.stack().kafka().bootstrapServers(), config.get("kafka.bootstrap.servers"));
        assertEquals(TestTokens.ISSUER, config.get("mp.jwt.verify.issuer"));
        assertEquals("zhijiao", config.get("mp.jwt.verify.audiences"));
        assertTrue(Files.isRegularFile(Path.of(config.get("mp.jwt.verify.publickey.location"))));
        assertTrue(Files.isRegularFile(Path.of(config.get("smallrye.jwt.sign.key.location"))));
        assertTrue(config.get("quarkus.datasource.jdbc.url").endsWith("/" + LocalStackTestResource.databaseName("membership")));
        assertSame(LocalStackTestResource.stack(), LocalStackTestResource.stack());
    }

    @Test
    void requiresTheDatabaseArgument() {
        assertThrows(IllegalArgumentException.class, () -> new LocalStackTestResource().init(Map.of()));
    }

    @Test
    void sqlRoundTrip() throws Exception {
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE round_trip (id int PRIMARY KEY, name text)");
            statement.execute("INSERT INTO round_trip VALUES (1, 'zhijiao')");
            try (ResultSet rows = statement.executeQuery("SELECT name FROM round_trip WHERE id = 1")) {
                assertTrue(rows.next());
                assertEquals("zhijiao", rows.getString(1));
            }
        }
    }

    @Test
    void createsDatabasesIdempotently() {
        LocalStack stack = LocalStackTestResource.stack();
        stack.postgres().createDatabaseIfMissing("idempotent");
        stack.postgres().createDatabaseIfMissing("idempotent");
        stack.postgres().dropDatabaseIfExists("idempotent");
        assertThrows(IllegalArgumentException.class, () -> stack.postgres().createDatabaseIfMissing("Robert'); DROP"));
    }

    @Test
    void produceAndConsume() throws Exception {
        KafkaServer kafka = LocalStackTestResource.stack().kafka();
        kafka.createTopics("zhijiao.test.round-trip");
        kafka.createTopics("zhijiao.test.round-trip");

        KafkaClients.produce(kafka.bootstrapServers(), "zhijiao.test.round-trip", "id-1", "hello");

        assertEquals(List.of("hello"), KafkaClients.consume(kafka.bootstrapServers(), "zhijiao.test.round-trip", 1, Duration.ofSeconds(20)));
    }

    @Test
    void kafkaComesBackOnTheSamePortWithItsData() throws Exception {
        KafkaServer kafka = LocalStackTestResource.stack().kafka();
        assumeTrue(kafka.isEmbedded(), "only the embedded broker can be stopped");
        String bootstrap = kafka.bootstrapServers();
        KafkaClients.produce(bootstrap, "zhijiao.test.restart", "id-1", "before stop");

        kafka.stop();
        kafka.start();
        KafkaClients.produce(bootstrap, "zhijiao.test.restart", "id-1", "after start");
        kafka.restart();

        assertEquals(bootstrap, kafka.bootstrapServers());
        assertEquals(List.of("before stop", "after start"),
                KafkaClients.consume(bootstrap, "zhijiao.test.restart", 2, Duration.ofSeconds(20)));
        assertFalse(bootstrap.isEmpty());
    }
}
