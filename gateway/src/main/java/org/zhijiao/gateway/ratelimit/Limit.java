package org.zhijiao.gateway.ratelimit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token bucket's shape: a burst of {@code capacity} requests, refilled at {@code refillPerSecond}. */
@Schema(name = "RateLimit", description = "Token bucket per client and gateway replica")
public record Limit(
        @Schema(description = "Burst size", example = "50") @Min(1) @Max(100_000) int capacity,
        @Schema(description = "Sustained requests per second", example = "20")
        @DecimalMin("0.01") @DecimalMax("100000") double refillPerSecond) {
}
