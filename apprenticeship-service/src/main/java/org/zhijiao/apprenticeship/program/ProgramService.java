package org.zhijiao.apprenticeship.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.zhijiao.apprenticeship.common.ApprenticeshipService;
import org.zhijiao.apprenticeship.directory.OrganizationKind;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.apprenticeship.program.ProgramDtos.ModuleDto;
import org.zhijiao.apprenticeship.program.ProgramDtos.ProgramRequest;
import org.zhijiao.apprenticeship.program.ProgramDtos.ProgramView;
import org.zhijiao.apprenticeship.specialty.Specialty;
import org.zhijiao.commons.aggregate.AggregateKind;
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.aggregate.IdQuery;
import org.zhijiao.commons.aggregate.ListFilter;
import org.zhijiao.commons.aggregate.Patch;
import org.zhijiao.commons.problem.ProblemException;

@ApplicationScoped
public class ProgramService extends ApprenticeshipService<Program, ProgramAction, ProgramView> {

    public ProgramService() {
        super(new AggregateKind<>("Program", Program.class, Topics.PROGRAMS, "program", ProgramView::of));
    }

    /** Filters of the program list; null means "any". */
    public record Filter(UUID schoolId, ProgramKind kind, ProgramStatus status) implements ListFilter {

        @Override
        public IdQuery query() {
            return IdQuery.from("program")
                    .and("t.school_id = :school", "school", schoolId)
                    .and("t.kind = :kind", "kind", kind)
                    .and("t.status = :status", "status", status);
        }
    }

    @Transactional
    public ProgramView draft(ProgramRequest request, String by) {
        directory.requireSchool("schoolId", request.schoolId());
        Program program = Program.draft(request.schoolId(), request.draftedOn(), by, today());
        apply(program, request);
        return create(program, "drafted");
    }

    @Transactional
    public ProgramView replace(UUID id, ProgramRequest request, String ifMatch) {
        Program program = findForChange(id, ifMatch);
        program.requireEditable();
        if (!program.schoolId.equals(request.schoolId())) {
            throw ProblemException.invalid("schoolId", "cannot change; it is " + program.schoolId);
        }
        apply(program, request);
        return publish(program, "changed");
    }

    private void apply(Program program, ProgramRequest request) {
        Set<UUID> partners = request.partnerOrganizationIds() == null ? Set.of() : request.partnerOrganizationIds();
        for (UUID partner : partners) {
            directory.requireActive("partnerOrganizationIds", partner, EnumSet.allOf(OrganizationKind.class));
        }
        Set<UUID> specialties = request.specialtyIds() == null ? Set.of() : request.specialtyIds();
        for (UUID specialtyId : specialties) {
            Specialty specialty = Specialty.findById(specialtyId);
            if (specialty == null || !specialty.schoolId.equals(request.schoolId())) {
                throw ProblemException.unprocessable("specialtyIds", "specialty " + specialtyId
                        + " is not a specialty of school " + request.schoolId());
            }
        }
        program.kind = request.kind();
        program.title = new BilingualName(request.titleZh(), request.titleEn());
        Patch.replace(program.partnerOrganizationIds, partners);
        Patch.replace(program.specialtyIds, specialties);
        program.durationMonths = request.trainingPlan().durationMonths();
        program.planSummary = request.trainingPlan().summary();
        if (!program.modules.stream().map(ModuleDto::of).toList().equals(request.trainingPlan().modules())) {
            program.modules.clear();
            request.trainingPlan().modules().stream().map(ModuleDto::toModule).forEach(program.modules::add);
        }
    }
}
