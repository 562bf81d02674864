package org.zhijiao.stack.demo;

/** The 2022 admissions the schools submit to the reporting service. */
final class ReportingData {

    private final ReferenceGroupLoader loader;

    ReportingData(ReferenceGroupLoader loader) {
        this.loader = loader;
    }

    void load() {
        loader.say("Admissions: pending");
    }
}
