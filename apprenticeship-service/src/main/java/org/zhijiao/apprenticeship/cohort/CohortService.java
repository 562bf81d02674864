package org.zhijiao.apprenticeship.cohort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.zhijiao.apprenticeship.cohort.CohortDtos.CohortChange;
import org.zhijiao.apprenticeship.cohort.CohortDtos.CohortRequest;
import org.zhijiao.apprenticeship.cohort.CohortDtos.CohortView;
import org.zhijiao.apprenticeship.cohort.CohortDtos.EnterprisePlaces;
import org.zhijiao.apprenticeship.cohort.CohortDtos.Occupancy;
import org.zhijiao.apprenticeship.cohort.CohortDtos.SuccessorRequest;
import org.zhijiao.apprenticeship.common.ApprenticeshipService;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.apprenticeship.program.Program;
import org.zhijiao.apprenticeship.program.ProgramStatus;
import org.zhijiao.commons.aggregate.AggregateKind;
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.aggregate.ListFilter;
import org.zhijiao.commons.aggregate.IdQuery;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.web.ETags;

@ApplicationScoped
public class CohortService extends ApprenticeshipService<Cohort, CohortAction, CohortView> {

    public CohortService() {
        super(new AggregateKind<>("Cohort", Cohort.class, Topics.COHORTS, "cohort", CohortView::of));
    }

    /** The unique index that allows one next batch per cohort (V2 migration). */
    static final String SUCCESSOR_CONSTRAINT = "cohort_one_successor";

    @Inject
    Places places;

    /**
     * Filters of the cohort list; null means "any". {@code schoolId} and {@code enterpriseId} also
     * carry a confined caller's tenant.
     */
    public record Filter(UUID programId, UUID schoolId, UUID enterpriseId, CohortStatus status) implements ListFilter {

        @Override
        public IdQuery query() {
            return IdQuery.from("cohort")
                    .and("t.program_id = :program", "program", programId)
                    .and("t.school_id = :school", "school", schoolId)
                    .and("EXISTS (SELECT 1 FROM cohort_enterprise ce WHERE ce.cohort_id = t.id"
                            + " AND ce.enterprise_id = :enterprise)", "enterprise", enterpriseId)
                    .and("t.status = :status", "status", status);
        }
    }

    @Transactional
    public List<Occupancy> occupancy(UUID id) {
        Cohort cohort = find(id);
        Map<UUID, Long> taken = places.takenByEnterprise(id);
        return cohort.places.entrySet().stream().map(e -> {
            long used = taken.getOrDefault(e.getKey(), 0L);
            return new Occupancy(e.getKey(), e.getValue(), used, Math.max(0, e.getValue() - used));
        }).toList();
    }

    @Transactional
    public CohortView plan(CohortRequest request, String by) {
        Program program = publishedProgram(request.programId());
        directory.requireSchool("programId", program.schoolId);
        Cohort cohort = Cohort.plan(program.id, program.schoolId, null, request.plannedOn(), by, today());
        cohort.name = new BilingualName(request.nameZh(), request.nameEn());
        cohort.batchNumber = request.batchNumber();
        cohort.schedule(request.startsOn(), request.endsOn());
        cohort.places.putAll(checkedPlaces(request.enterprises() == null ? List.of() : request.enterprises()));
        return create(cohort, "planned");
    }

    /** The next batch of {@code previousId}: same program, school and enterprises with their places. */
    @Transactional
    public CohortView planSuccessor(UUID previousId, SuccessorRequest request, String by) {
        // locked, so concurrent requests for the next batch check one after the other
        Cohort previous = findLocked(previousId, LockModeType.PESSIMISTIC_WRITE);
        if (Cohort.count("previousCohortId", previousId) > 0) {
            throw ProblemException.conflict("previousCohortId", "cohort " + previousId + " already has a next batch");
        }
        Program program = publishedProgram(previous.programId);
        directory.requireSchool("schoolId", program.schoolId);
        Cohort cohort = Cohort.plan(program.id, program.schoolId, previous.id, null, by, today());
        cohort.name = new BilingualName(request.nameZh(), request.nameEn());
        cohort.batchNumber = previous.batchNumber + 1;
        cohort.schedule(request.startsOn(), request.endsOn());
        cohort.places.putAll(checkedPlaces(previous.places.entrySet().stream()
                .map(e -> new EnterprisePlaces(e.getKey(), e.getValue())).toList()));
        cohort.persist();
        try {
            return publish(cohort, "planned");
        } catch (PersistenceException e) {
            // the unique index is the last word should the lock ever be bypassed
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException violation
                        && SUCCESSOR_CONSTRAINT.equals(violation.getConstraintName())) {
                    throw ProblemException.conflict("previousCohortId",
                            "cohort " + previousId + " already has a next batch");
                }
            }
            throw e;
        }
    }

    @Transactional
    public CohortView change(UUID id, CohortChange change, String ifMatch) {
        return edit(id, ifMatch, cohort -> {
            cohort.name = cohort.name.patched(change.nameZh(), change.nameEn());
            cohort.schedule(change.startsOn() != null ? change.startsOn() : cohort.startsOn,
                    change.endsOn() != null ? change.endsOn() : cohort.endsOn);
        });
    }

    /**
     * Replaces the participating enterprises and their places. An enterprise cannot be left with
     * fewer places than its apprentices hold, nor removed while it holds any.
     */
    @Transactional
    public CohortView setEnterprises(UUID id, List<EnterprisePlaces> enterprises, String ifMatch) {
        Cohort cohort = findForChange(id, ifMatch);
        cohort.requirePlaceChanges();
        Map<UUID, Integer> wanted = checkedPlaces(enterprises);
        // in id order, so two requests on one cohort never wait for each other's rows crosswise
        for (UUID enterprise : new TreeSet<>(cohort.places.keySet())) {
            places.lock(id, enterprise);
            long taken = places.taken(id, enterprise);
            int requested = wanted.getOrDefault(enterprise, 0);
            if (requested < taken) {
                throw ProblemException.conflict("enterprises", "enterprise " + enterprise + " holds " + taken
                        + " places in cohort " + id + "; it cannot go down to " + requested);
            }
        }
        // entry by entry: a bulk replacement marks the places changed even when they are equal
        List.copyOf(cohort.places.keySet()).stream().filter(e -> !wanted.containsKey(e)).forEach(cohort.places::remove);
        wanted.forEach((enterprise, count) -> {
            if (!count.equals(cohort.places.get(enterprise))) {
                cohort.places.put(enterprise, count);
            }
        });
        return publish(cohort, "changed");
    }

    /** Enrollments hold the cohort row in share mode: a cancellation waits for them, and they for it. */
    @Override
    protected Cohort findForTransition(UUID id, String ifMatch) {
        Cohort cohort = findLocked(id, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireIfMatch(ifMatch, cohort.version);
        return cohort;
    }

    /** The school running a program, if there is such a program. */
    @Transactional
    public Optional<UUID> schoolOfProgram(UUID programId) {
        return Program.<Program>findByIdOptional(programId).map(p -> p.schoolId);
    }

    /**
     * The cohort with its row locked for the rest of the transaction: {@code PESSIMISTIC_READ} (share)
     * to enroll into it, {@code PESSIMISTIC_WRITE} to change its state.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Cohort findLocked(UUID id, LockModeType lock) {
        return aggregates.find(kind, id, lock);
    }

    private static Program publishedProgram(UUID programId) {
        Program program = Program.findById(programId);
        if (program == null) {
            throw ProblemException.unprocessable("programId", "no program " + programId);
        }
        if (program.status != ProgramStatus.PUBLISHED) {
            throw ProblemException.unprocessable("programId", "program " + programId + " is " + program.status
                    + "; cohorts run published programs only");
        }
        return program;
    }

    private Map<UUID, Integer> checkedPlaces(List<EnterprisePlaces> enterprises) {
        Map<UUID, Integer> result = new TreeMap<>();
        for (int i = 0; i < enterprises.size(); i++) {
            EnterprisePlaces entry = enterprises.get(i);
            String field = "enterprises[" + i + "].enterpriseId";
            if (result.containsKey(entry.enterpriseId())) {
                throw ProblemException.invalid(field, "enterprise " + entry.enterpriseId() + " is listed twice");
            }
            directory.requireEnterprise(field, entry.enterpriseId());
            result.put(entry.enterpriseId(), entry.places());
        }
        return result;
    }
}
