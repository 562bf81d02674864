package org.zhijiao.reporting.events;

import org.zhijiao.commons.events.CloudEvent;

/** A valid event read from a topic, with where it was read, ready to be projected. */
public record IncomingEvent(String topic, int partition, long offset, CloudEvent event, EventData data) {
}
