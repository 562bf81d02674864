package org.zhijiao.reporting.counters;

/**
 * The tables that hold the projected state: the live ones, or the shadow copies a rebuild fills and
 * then swaps in.
 */
public record Tables(String projection, String counter, String pending, String cohortEnterprise,
        String appliedPosition) {

    public static final Tables LIVE = new Tables("projection", "counter", "counter_pending", "cohort_enterprise",
            "applied_position");
    /** A rebuild's: its counters are written directly, so its pending table stays empty until swapped in. */
    public static final Tables SHADOW = new Tables("projection_rebuild_shadow", "counter_rebuild_shadow",
            "counter_pending_rebuild_shadow", "cohort_enterprise_rebuild_shadow", "applied_position_rebuild_shadow");

    /**
     * The advisory lock a rebuild's switch holds exclusively while it swaps the shadow tables in; every
     * writer of the live tables (a consumed batch, a fold) holds it shared.
     */
    public static final long SWITCH_LOCK = 0x7265706f72744cL;

    public String[] all() {
        return new String[] {projection, counter, pending, cohortEnterprise, appliedPosition};
    }
}
