package org.zhijiao.reporting.dataset;

/** The six admission routes of secondary vocational schools. */
public enum AdmissionLevel {
    THREE_PLUS_FOUR("3+4 中职—本科贯通", "3+4 secondary–undergraduate"),
    COMPREHENSIVE_HIGH_SCHOOL("综合高中", "Comprehensive high school"),
    GENERAL_VOCATIONAL_INTEGRATION("普职融通", "General–vocational integration"),
    THREE_PLUS_TWO("3+2 中职—高职贯通", "3+2 secondary–higher vocational"),
    FIVE_YEAR("五年一贯制", "Five-year integrated"),
    SECONDARY_VOCATIONAL("中职", "Secondary vocational");

    public final String zh;
    public final String en;

    AdmissionLevel(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }
}
