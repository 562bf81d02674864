package org.zhijiao.reporting.events;

import org.zhijiao.commons.events.CloudEvent;

/**
 * A valid event read from a topic, with where it was read, ready to be projected; {@code value} is the
 * record's text as published (the projection stores its {@code data} member as it came, not written anew).
 */
public record IncomingEvent(String topic, int partition, long offset, CloudEvent event, EventData data, String value) {
}
