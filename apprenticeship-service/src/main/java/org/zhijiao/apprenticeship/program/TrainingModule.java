package org.zhijiao.apprenticeship.program;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One module of a program's training plan. */
@Embeddable
public class TrainingModule {

    @Column(nullable = false, length = 40)
    public String code;

    @Column(nullable = false, length = 300)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ModuleLocation location;

    @Column(nullable = false)
    public int hours;

    public TrainingModule() {
    }

    public TrainingModule(String code, String title, ModuleLocation location, int hours) {
        this.code = code;
        this.title = title;
        this.location = location;
        this.hours = hours;
    }
}
