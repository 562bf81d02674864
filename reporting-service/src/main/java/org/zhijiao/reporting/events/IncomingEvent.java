package org.zhijiao.reporting.events;

import java.time.Instant;

/**
 * A valid event read from a topic, with where it was read and its time, ready to be projected; {@code value}
 * is the record's text as published (the projection stores its {@code data} member as it came, not written
 * anew). The parsed tree of the record is not kept: a batch's trees would stay on the heap while it applies.
 */
public record IncomingEvent(String topic, int partition, long offset, Instant time, EventData data, String value) {
}
