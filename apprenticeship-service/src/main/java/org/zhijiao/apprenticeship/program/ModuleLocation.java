package org.zhijiao.apprenticeship.program;

/** Where a module is taught: at school, at the enterprise (on the job), or alternating. */
public enum ModuleLocation {
    SCHOOL, ENTERPRISE, BOTH
}
