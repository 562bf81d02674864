package org.zhijiao.commons.aggregate;

import java.util.function.Function;

/**
 * What the shared aggregate code needs to know of one kind of aggregate, written once next to it.
 *
 * @param title the name problems use ("Specialty 0190… not found")
 * @param type the entity class
 * @param topic the topic its events go to
 * @param eventName the aggregate's part of the event types ({@code org.zhijiao.<eventName>.<change>})
 * @param view the representation served and published: the whole new state
 */
public record AggregateKind<E extends AggregateRoot, V>(String title, Class<E> type, String topic, String eventName,
        Function<E, V> view) {

    /** {@code org.zhijiao.<aggregate>.<change>}, e.g. {@code org.zhijiao.cohort.recruitment-opened}. */
    public static String eventType(String aggregate, String change) {
        return "org.zhijiao." + aggregate + "." + change.toLowerCase().replace('_', '-');
    }

    public String eventType(String change) {
        return eventType(eventName, change);
    }
}
