package org.zhijiao.apprenticeship.specialty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.zhijiao.apprenticeship.common.ApprenticeshipService;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.apprenticeship.specialty.SpecialtyDtos.DesignationRequest;
import org.zhijiao.apprenticeship.specialty.SpecialtyDtos.SpecialtyChange;
import org.zhijiao.apprenticeship.specialty.SpecialtyDtos.SpecialtyRequest;
import org.zhijiao.apprenticeship.specialty.SpecialtyDtos.SpecialtyView;
import org.zhijiao.commons.aggregate.AggregateKind;
import org.zhijiao.commons.aggregate.IdQuery;
import org.zhijiao.commons.aggregate.ListFilter;
import org.zhijiao.commons.problem.ProblemException;

@ApplicationScoped
public class SpecialtyService extends ApprenticeshipService<Specialty, SpecialtyAction, SpecialtyView> {

    public SpecialtyService() {
        super(new AggregateKind<>("Specialty", Specialty.class, Topics.SPECIALTIES, "specialty", SpecialtyView::of));
    }

    /** Filters of the specialty list; null means "any". */
    public record Filter(UUID schoolId, String clusterCode, SpecialtyStatus status, DesignationLevel designationLevel)
            implements ListFilter {

        @Override
        public IdQuery query() {
            return IdQuery.from("specialty")
                    .and("t.school_id = :school", "school", schoolId)
                    .and("t.cluster_code = :cluster", "cluster", clusterCode)
                    .and("t.status = :status", "status", status)
                    .and("EXISTS (SELECT 1 FROM specialty_designation d WHERE d.specialty_id = t.id"
                            + " AND d.level = :level)", "level", designationLevel);
        }
    }

    @Transactional
    public SpecialtyView offer(SpecialtyRequest request, String by) {
        directory.requireSchool("schoolId", request.schoolId());
        directory.requireCluster("clusterCode", request.clusterCode());
        if (Specialty.count("schoolId = ?1 and code = ?2", request.schoolId(), request.code()) > 0) {
            throw ProblemException.conflict("code", "school " + request.schoolId() + " already offers specialty "
                    + request.code());
        }
        Specialty specialty = Specialty.offer(request.schoolId(), request.code(), request.nameZh(), request.nameEn(),
                request.clusterCode(), request.offeredOn(), by, today());
        return create(specialty, "offered");
    }

    @Transactional
    public SpecialtyView change(UUID id, SpecialtyChange change, String ifMatch) {
        Specialty specialty = findForChange(id, ifMatch);
        if (change.clusterCode() != null) {
            directory.requireCluster("clusterCode", change.clusterCode());
            specialty.clusterCode = change.clusterCode();
        }
        specialty.name = specialty.name.patched(change.nameZh(), change.nameEn());
        return publish(specialty, "changed");
    }

    @Transactional
    public SpecialtyView designate(UUID id, DesignationRequest request, String ifMatch) {
        Specialty specialty = findForChange(id, ifMatch);
        specialty.designate(request.level(), request.kind(), request.title(), request.from(), request.until());
        return publish(specialty, "designated");
    }
}
