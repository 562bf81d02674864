package org.zhijiao.commons.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.zhijiao.commons.events.CloudEvent;

/** Reads a record value as one of our CloudEvents, or says why it is not one. */
public final class CloudEvents {

    private CloudEvents() {
    }

    public static CloudEvent parse(ObjectMapper mapper, String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("empty record value");
        }
        JsonNode node;
        try {
            node = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("record value is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!node.isObject()) {
            throw new MalformedEventException("record value is not a JSON object");
        }
        if (!CloudEvent.SPEC_VERSION.equals(node.path("specversion").asText())) {
            throw new MalformedEventException("specversion must be 1.0");
        }
        for (String attribute : new String[] {"id", "source", "type", "subject", "time"}) {
            if (!node.path(attribute).isTextual() || node.path(attribute).asText().isBlank()) {
                throw new MalformedEventException("missing CloudEvents attribute " + attribute);
            }
        }
        JsonNode data = node.path("data");
        if (!data.isObject()) {
            throw new MalformedEventException("data must be a JSON object");
        }
        if (!data.path("version").canConvertToLong() || data.path("version").asLong() < 0) {
            throw new MalformedEventException("data.version must be a non-negative integer");
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(node.path("time").asText());
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("time is not an RFC 3339 timestamp", e);
        }
        return new CloudEvent(CloudEvent.SPEC_VERSION, node.path("id").asText(), node.path("source").asText(),
                node.path("type").asText(), node.path("subject").asText(), time,
                node.path("datacontenttype").asText(null), data);
    }

    /** Reads {@code data} as {@code type}, failing as malformed when it does not fit. */
    public static <T> T data(ObjectMapper mapper, CloudEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data of " + event.type() + " does not fit " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }
}
