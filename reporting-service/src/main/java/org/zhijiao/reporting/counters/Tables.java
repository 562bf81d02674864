package org.zhijiao.reporting.counters;

/**
 * The tables that hold the projected state: the live ones, or the shadow copies a rebuild fills and
 * then swaps in.
 */
public record Tables(String projection, String counter, String cohortEnterprise, String appliedPosition) {

    public static final Tables LIVE = new Tables("projection", "counter", "cohort_enterprise", "applied_position");
    public static final Tables SHADOW = new Tables("projection_rebuild_shadow", "counter_rebuild_shadow",
            "cohort_enterprise_rebuild_shadow", "applied_position_rebuild_shadow");

    public String[] all() {
        return new String[] {projection, counter, cohortEnterprise, appliedPosition};
    }
}
