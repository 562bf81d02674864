package org.zhijiao.reporting.dataset;

/** Where a year's graduates went. */
public enum GraduateDestination {
    EMPLOYED("就业", "Employed"),
    FURTHER_STUDY("升学", "Further study"),
    ENLISTED("参军", "Enlisted"),
    SELF_EMPLOYED("自主创业", "Self-employed"),
    NOT_PLACED("待就业", "Not yet placed"),
    OTHER("其他", "Other");

    public final String zh;
    public final String en;

    GraduateDestination(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }
}
