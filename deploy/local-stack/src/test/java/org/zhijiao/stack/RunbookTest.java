package org.zhijiao.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.consumer.group.ConsumerGroupCommand;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md against the real thing: the consumer groups it names are the ones the
 * services configure, its reset command works against a broker, and the token lifetime it states
 * is the gateway's.
 */
class RunbookTest {

    private static final Path ROOT = Path.of("../..");
    private static final Pattern GROUP_COMMAND = Pattern.compile("kafka-consumer-groups\\.sh ([^\\n]*)");

    @Test
    void everyConsumerGroupInTheRunbookIsAConfiguredOneAndEveryConfiguredOneIsInTheRunbook() throws IOException {
        String runbook = Files.readString(ROOT.resolve("docs/operations.md"));
        Set<String> documented = new TreeSet<>();
        for (List<String> command : groupCommands(runbook)) {
            documented.add(command.get(command.indexOf("--group") + 1));
        }
        Matcher mentioned = Pattern.compile("group `([a-z-]+)`").matcher(runbook);
        while (mentioned.find()) {
            documented.add(mentioned.group(1));
        }
        Set<String> configured = configuredGroups();
        assertFalse(configured.isEmpty(), "no consumer group configured in any service");
        assertTrue(configured.containsAll(documented), "runbook names " + documented + ", services use " + configured);
        assertTrue(documented.containsAll(configured), "runbook names " + documented + ", services use " + configured);
    }

    @Test
    void theTokenLifetimeInTheRunbookIsTheGatewaysOne() throws IOException {
        Properties gateway = properties(ROOT.resolve("gateway/src/main/resources/application.properties"));
        String lifetime = gateway.getProperty("zhijiao.gateway.token.lifetime");
        assertEquals("10m", lifetime, "update docs/operations.md section 4 with the new token lifetime");
        String runbook = Files.readString(ROOT.resolve("docs/operations.md"));
        assertTrue(runbook.contains("`zhijiao.gateway.token.lifetime` = 10 minutes"), "section 4 states the lifetime");
        assertFalse(runbook.contains("1 hour"), "no other token lifetime in the runbook");
    }

    @Test
    void theDocumentedResetRewindsTheGroupOnARealBroker() throws Exception {
        List<List<String>> commands = groupCommands(Files.readString(ROOT.resolve("docs/operations.md")));
        assertFalse(commands.isEmpty(), "the runbook has a kafka-consumer-groups.sh command");
        KafkaBroker kafka = KafkaBroker.startTemporary(Ports.free());
        try {
            for (List<String> documented : commands) {
                String group = documented.get(documented.indexOf("--group") + 1);
                String topic = "runbook-" + group;
                for (int i = 0; i < 5; i++) {
                    KafkaClients.produce(kafka.bootstrapServers(), topic, "k" + i, "v" + i);
                }
                consumeAllAsGroup(kafka.bootstrapServers(), group, topic, 5);
                assertEquals(5L, committed(kafka.bootstrapServers(), group));

                List<String> args = new ArrayList<>(documented);
                args.set(args.indexOf("--bootstrap-server") + 1, kafka.bootstrapServers());
                runTool(args);

                assertEquals(0L, committed(kafka.bootstrapServers(), group), "offsets of " + group + " after the reset");
            }
        } finally {
            kafka.close();
        }
    }

    /** The arguments of every kafka-consumer-groups.sh command in the text, continuation lines joined. */
    private static List<List<String>> groupCommands(String markdown) {
        List<List<String>> commands = new ArrayList<>();
        Matcher command = GROUP_COMMAND.matcher(markdown.replace("\\\n", " "));
        while (command.find()) {
            commands.add(Arrays.stream(command.group(1).trim().split("\\s+")).toList());
        }
        return commands;
    }

    private static Set<String> configuredGroups() throws IOException {
        Set<String> groups = new TreeSet<>();
        for (String service : List.of("membership-service", "apprenticeship-service", "reporting-service")) {
            Path file = ROOT.resolve(service + "/src/main/resources/application.properties");
            if (!Files.exists(file)) {
                continue;
            }
            properties(file).forEach((key, value) -> {
                String name = key.toString();
                if (!name.startsWith("%") && (name.endsWith("group.id") || name.endsWith("group-id"))) {
                    groups.add(value.toString().replaceAll("\\$\\{[^:}]*:([^}]*)}", "$1"));
                }
            });
        }
        return groups;
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file)));
        return properties;
    }

    private static void consumeAllAsGroup(String bootstrap, String group, String topic, int count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seen < count && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            assertEquals(count, seen);
            consumer.commitSync();
        }
    }

    private static long committed(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().collect(Collectors.summingLong(OffsetAndMetadata::offset));
        }
    }

    /** Runs the CLI in this JVM; its exit call is turned into an exception when it is not 0. */
    private static void runTool(List<String> args) {
        Exit.setExitProcedure((status, message) -> {
            if (status != 0) {
                throw new IllegalStateException("kafka-consumer-groups.sh " + args + " exited " + status + ": " + message);
            }
            throw new ToolDone();
        });
        try {
            ConsumerGroupCommand.main(args.toArray(String[]::new));
        } catch (ToolDone done) {
            // exited 0
        } finally {
            Exit.resetExitProcedure();
        }
    }

    private static final class ToolDone extends RuntimeException {
    }
}
