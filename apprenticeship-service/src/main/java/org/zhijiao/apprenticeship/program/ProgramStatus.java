package org.zhijiao.apprenticeship.program;

public enum ProgramStatus {
    DRAFT, APPROVED, PUBLISHED, RETIRED
}
