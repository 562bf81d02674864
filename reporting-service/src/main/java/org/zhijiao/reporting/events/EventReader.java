package org.zhijiao.reporting.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.zhijiao.commons.consumer.CloudEvents;
import org.zhijiao.commons.consumer.MalformedEventException;
import org.zhijiao.commons.events.CloudEvent;

/**
 * Turns a record into an {@link IncomingEvent}, or says why it never can be (then it belongs in the
 * dead-letter topic): not a CloudEvent, a type the topic's contract does not allow, a subject that is
 * not the aggregate, data missing a required field, a NUL character anywhere in it.
 */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper mapper;

    @Inject
    public EventReader(ObjectMapper mapper) {
        // the contracts may grow: unknown fields are ignored here, whatever the API's strictness
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public IncomingEvent read(String topic, int partition, long offset, String key, String value) {
        TopicContracts.Contract contract = TopicContracts.contract(topic);
        if (contract == null) {
            throw new MalformedEventException("no contract for topic " + topic);
        }
        if (value != null && escapesNul(value)) {
            // the projection stores the event as published, and PostgreSQL's jsonb cannot hold a NUL character
            throw new MalformedEventException("record value has a NUL character (\\u0000)");
        }
        CloudEvent event = CloudEvents.parse(mapper, value);
        if (!contract.allows(event.type())) {
            throw new MalformedEventException("unknown event type " + event.type() + " on " + topic);
        }
        EventData data = CloudEvents.data(mapper, event, contract.dataType());
        data.validate();
        if (!data.key().equals(event.subject())) {
            throw new MalformedEventException("subject " + event.subject() + " is not the aggregate " + data.key());
        }
        if (key != null && !key.equals(event.subject())) {
            throw new MalformedEventException("record key " + key + " is not the subject " + event.subject());
        }
        return new IncomingEvent(topic, partition, offset, event.time().toInstant(), data, value);
    }

    /**
     * Whether the JSON text writes a NUL character (a backslash, then {@code u0000}); an escaped backslash followed
     * by the letters {@code u0000} is text jsonb holds like any other.
     */
    static boolean escapesNul(String json) {
        for (int i = json.indexOf("\\u0000"); i >= 0; i = json.indexOf("\\u0000", i + 1)) {
            int backslashes = 1;
            while (i - backslashes >= 0 && json.charAt(i - backslashes) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                return true;
            }
        }
        return false;
    }

    /** Reads stored projection data back (it was validated when it arrived). */
    public <T extends EventData> T stored(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored projection does not fit " + type.getSimpleName(), e);
        }
    }
}
