package org.zhijiao.reporting.projection;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ProjectionDtos {

    private ProjectionDtos() {
    }

    @Schema(name = "Rebuild", description = "A replay of every topic into emptied projections")
    public record RebuildView(
            UUID id,
            @Schema(enumeration = {"RUNNING", "DONE", "FAILED"}, example = "DONE") String state,
            @Schema(example = "secretariat") String requestedBy,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            @Schema(description = "Records read from the topics so far", example = "120000") long recordsRead,
            @Schema(description = "Records skipped as malformed (they are in the dead-letter topic)", example = "0")
            long malformedSkipped,
            @Schema(description = "Records read per second, once finished", example = "21500.4") Double recordsPerSecond,
            @Schema(description = "REPLAY (copying the topics into shadow tables; readers see the old figures), COUNT, CATCH_UP, SWITCH (swapping them in), DONE",
                    example = "DONE") String phase,
            String error) {

        static RebuildView of(java.sql.ResultSet rs) throws java.sql.SQLException {
            OffsetDateTime started = time(rs.getObject(4, OffsetDateTime.class));
            OffsetDateTime finished = time(rs.getObject(5, OffsetDateTime.class));
            long read = rs.getLong(6);
            Double rate = finished == null ? null
                    : read * 1000.0 / Math.max(1, Duration.between(started, finished).toMillis());
            return new RebuildView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), started, finished,
                    read, rs.getLong(7), rate, rs.getString(9), rs.getString(8));
        }

        private static OffsetDateTime time(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof OffsetDateTime t) {
                return t;
            }
            Instant instant = value instanceof Instant i ? i : ((java.sql.Timestamp) value).toInstant();
            return instant.atOffset(ZoneOffset.UTC);
        }
    }

    @Schema(name = "TopicFreshness", description = "How far the projections lag behind one topic")
    public record TopicFreshness(
            @Schema(example = "zhijiao.membership.memberships") String topic,
            @Schema(description = "Records on the topic not yet applied (end offset − applied position, summed over"
                    + " partitions)", example = "0") long lagRecords,
            @Schema(description = "0 when caught up; otherwise seconds since the event time of the last applied"
                    + " event of the topic", example = "0.0") double lagSeconds,
            @Schema(description = "Sum of the partitions' end offsets", example = "1204") long endOffset,
            @Schema(description = "Sum of the partitions' next offsets to apply", example = "1204") long appliedOffset,
            @Schema(description = "Event time of the last applied event") OffsetDateTime lastEventTime,
            @Schema(description = "When the last event was applied") OffsetDateTime lastAppliedAt) {
    }

    @Schema(name = "Freshness", description = "How current the projections are, per topic")
    public record Freshness(
            OffsetDateTime measuredAt,
            @Schema(description = "True when every topic is fully applied") boolean caughtUp,
            @Schema(description = "True while a rebuild replays the topics") boolean rebuilding,
            List<TopicFreshness> topics) {
    }
}
