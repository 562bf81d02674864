package org.zhijiao.commons.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One dated step of a lifecycle: the state entered, by which action, effective on which day, and
 * who recorded it when. The effective date is what "as of" queries and reports use.
 */
@Embeddable
@Schema(name = "Transition", description = "One dated step of an aggregate's lifecycle")
public class Transition implements DatedStep {

    @Column(nullable = false)
    @Schema(description = "State entered", example = "ACTIVE")
    public String status;

    @Column(nullable = false)
    @Schema(description = "Action that led here", example = "APPROVE")
    public String action;

    @Column(name = "effective_on", nullable = false)
    @Schema(description = "Day the state took effect", example = "2022-03-01")
    public LocalDate on;

    @Column(length = 500)
    @Schema(description = "Why, when given", example = "Approved by the council meeting of 2022-02-28")
    public String reason;

    @Column(name = "recorded_at", nullable = false)
    @Schema(description = "When it was recorded")
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by")
    @Schema(description = "Client that recorded it", example = "secretariat")
    public String recordedBy;

    public Transition() {
    }

    public Transition(String status, String action, LocalDate on, String reason, OffsetDateTime recordedAt,
            String recordedBy) {
        this.status = status;
        this.action = action;
        this.on = on;
        this.reason = reason;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    @Override
    public String status() {
        return status;
    }

    @Override
    public LocalDate on() {
        return on;
    }
}
