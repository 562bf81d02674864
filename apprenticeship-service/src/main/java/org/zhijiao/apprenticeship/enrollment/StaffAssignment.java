package org.zhijiao.apprenticeship.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import org.zhijiao.commons.aggregate.Validity;

/** A mentor or teacher assigned to the apprentice from one day until another (open while current). */
@Embeddable
public class StaffAssignment {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StaffRole role;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "staff_number", length = 40)
    public String staffNumber;

    @Embedded
    public Validity validity;

    public StaffAssignment() {
    }

    StaffAssignment(StaffRole role, String name, String staffNumber, LocalDate from) {
        this.role = role;
        this.name = name;
        this.staffNumber = staffNumber;
        this.validity = new Validity(from, null);
    }
}
