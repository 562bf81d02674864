package org.zhijiao.reporting.dataset;

/** The figures schools submit because no service owns them. */
public enum DatasetKind {
    ADMISSIONS,
    GRADUATE_DESTINATIONS
}
