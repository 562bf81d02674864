package org.zhijiao.apprenticeship.specialty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.zhijiao.apprenticeship.common.IdQuery;
import org.zhijiao.apprenticeship.common.TransitionRequest;
import org.zhijiao.apprenticeship.directory.MemberDirectory;
import org.zhijiao.apprenticeship.events.Topics;
import org.zhijiao.apprenticeship.specialty.SpecialtyDtos.DesignationRequest;
import org.zhijiao.apprenticeship.specialty.SpecialtyDtos.SpecialtyChange;
import org.zhijiao.apprenticeship.specialty.SpecialtyDtos.SpecialtyRequest;
import org.zhijiao.apprenticeship.specialty.SpecialtyDtos.SpecialtyView;
import org.zhijiao.commons.events.Outbox;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.web.ETags;
import org.zhijiao.commons.web.Page;

@ApplicationScoped
public class SpecialtyService {

    @Inject
    Outbox outbox;

    @Inject
    MemberDirectory directory;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Filters of the specialty list; null means "any". */
    public record Filter(UUID schoolId, String clusterCode, SpecialtyStatus status, DesignationLevel designationLevel) {
    }

    @Transactional
    public Page<SpecialtyView> list(Filter filter, String cursor, int limit) {
        return IdQuery.from("specialty")
                .and("t.school_id = :school", "school", filter.schoolId())
                .and("t.cluster_code = :cluster", "cluster", filter.clusterCode())
                .and("t.status = :status", "status", filter.status())
                .and("EXISTS (SELECT 1 FROM specialty_designation d WHERE d.specialty_id = t.id AND d.level = :level)",
                        "level", filter.designationLevel())
                .page(em, cursor, limit, ids -> Specialty.<Specialty>list("id in ?1", ids), s -> s.id, SpecialtyView::of);
    }

    @Transactional
    public Optional<SpecialtyView> get(UUID id) {
        return Specialty.<Specialty>findByIdOptional(id).map(SpecialtyView::of);
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
                request.clusterCode(), request.offeredOn(), by, LocalDate.now(clock));
        specialty.persist();
        return publish(specialty, "offered");
    }

    @Transactional
    public SpecialtyView change(UUID id, SpecialtyChange change, String ifMatch) {
        Specialty specialty = find(id);
        ETags.requireIfMatch(ifMatch, specialty.version);
        if (change.clusterCode() != null) {
            directory.requireCluster("clusterCode", change.clusterCode());
            specialty.clusterCode = change.clusterCode();
        }
        if (change.nameZh() != null) {
            specialty.nameZh = change.nameZh();
        }
        if (change.nameEn() != null) {
            specialty.nameEn = change.nameEn();
        }
        return publish(specialty, "changed");
    }

    @Transactional
    public SpecialtyView designate(UUID id, DesignationRequest request, String ifMatch) {
        Specialty specialty = find(id);
        ETags.requireIfMatch(ifMatch, specialty.version);
        specialty.designate(request.level(), request.kind(), request.title(), request.from(), request.until());
        return publish(specialty, "designated");
    }

    @Transactional
    public SpecialtyView transition(UUID id, TransitionRequest<SpecialtyAction> request, String ifMatch, String by) {
        Specialty specialty = find(id);
        ETags.requireIfMatch(ifMatch, specialty.version);
        specialty.transition(request.action(), request.on(), request.reason(), by, LocalDate.now(clock));
        return publish(specialty, request.action() == SpecialtyAction.DISCONTINUE ? "discontinued" : "resumed");
    }

    /** The specialty, for authorization checks by the resource. */
    @Transactional
    public Specialty find(UUID id) {
        return Specialty.<Specialty>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Specialty", id));
    }

    private SpecialtyView publish(Specialty specialty, String change) {
        // an update that changes nothing keeps its version and publishes nothing
        boolean changed = outbox.flushChanges(specialty);
        SpecialtyView view = SpecialtyView.of(specialty);
        if (changed) {
            outbox.publish(Topics.SPECIALTIES, Topics.type("specialty", change), specialty.id, view);
        }
        return view;
    }
}
