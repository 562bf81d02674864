package org.zhijiao.reporting.summary;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.zhijiao.reporting.events.EventData;
import org.zhijiao.commons.events.Topics;

/**
 * The latest state of the aggregates a recount reads, by topic; not changed after it is made. What
 * several figures derive alike (e.g. members' dated stretches) is worked out once per instance.
 */
public final class Projections {

    private final Map<String, Map<String, EventData>> byTopic;
    private final Map<String, Object> derived = new HashMap<>();

    public Projections(Map<String, Map<String, EventData>> byTopic) {
        this.byTopic = byTopic;
    }

    @SuppressWarnings("unchecked")
    public <T extends EventData> Collection<T> all(String topic) {
        return (Collection<T>) byTopic.getOrDefault(topic, Map.of()).values();
    }

    @SuppressWarnings("unchecked")
    public <T extends EventData> Optional<T> get(String topic, String key) {
        return Optional.ofNullable((T) byTopic.getOrDefault(topic, Map.of()).get(key));
    }

    public Optional<EventData.Organization> organization(String id) {
        return get(Topics.ORGANIZATIONS, id);
    }

    public Collection<EventData.Membership> memberships() {
        return all(Topics.MEMBERSHIPS);
    }

    public List<EventData.ReferenceItem> reference(String kind) {
        return this.<EventData.ReferenceItem>all(Topics.REFERENCE_DATA).stream()
                .filter(r -> r.kind().equals(kind)).toList();
    }

    /** What {@code compute} derives from these projections, computed on first use (one thread per instance). */
    @SuppressWarnings("unchecked")
    <T> T derived(String name, Supplier<T> compute) {
        Object value = derived.get(name);
        if (value == null) {
            value = compute.get();
            derived.put(name, value);
        }
        return (T) value;
    }
}
