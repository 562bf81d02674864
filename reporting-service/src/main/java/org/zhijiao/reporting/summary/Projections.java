package org.zhijiao.reporting.summary;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zhijiao.reporting.events.EventData;
import org.zhijiao.reporting.events.Topics;

/** An immutable copy of the projections at one moment: the latest state of every aggregate, by topic. */
public record Projections(Map<String, Map<String, EventData>> byTopic) {

    public static final Projections EMPTY = new Projections(Map.of());

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
}
