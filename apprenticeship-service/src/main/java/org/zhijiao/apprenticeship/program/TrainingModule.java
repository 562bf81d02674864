package org.zhijiao.apprenticeship.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One module of a program's training plan; a revised plan replaces its modules. */
@Embeddable
public record TrainingModule(
        @Column(nullable = false, length = 40) String code,
        @Column(nullable = false, length = 300) String title,
        @Enumerated(EnumType.STRING) @Column(nullable = false) ModuleLocation location,
        @Column(nullable = false) int hours) {
}
