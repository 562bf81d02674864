package org.zhijiao.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The written event contracts ({@code docs/events/<topic>.schema.json}, JSON Schema 2020-12), for
 * producer tests (real events must validate) and consumer tests (what validates must be accepted).
 */
public final class EventContracts {

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://zhijiao.org/events/",
                    directory().toUri().toString())));

    private EventContracts() {
    }

    /** The violations of {@code event} against the contract of {@code topic}; empty when it conforms. */
    public static List<String> violations(String topic, JsonNode event) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(topic, EventContracts::load);
        return schema.validate(event).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** {@code docs/events} of the repository, found upwards from the working directory. */
    public static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs").resolve("events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/events not found above " + Path.of("").toAbsolutePath());
    }

    private static JsonSchema load(String topic) {
        Path file = directory().resolve(topic + ".schema.json");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("No contract for topic " + topic + " at " + file);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return FACTORY.getSchema(SchemaLocation.of("https://zhijiao.org/events/" + topic + ".schema.json"), config);
    }
}
