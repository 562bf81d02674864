package org.zhijiao.membership.agreement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import org.zhijiao.commons.aggregate.AggregateKind;
import org.zhijiao.commons.aggregate.ListFilter;
import org.zhijiao.commons.aggregate.LifecycleService;
import org.zhijiao.commons.aggregate.Patch;
import org.zhijiao.commons.aggregate.Where;
import org.zhijiao.commons.lifecycle.StepRequest;
import org.zhijiao.commons.lifecycle.Transition;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.membership.agreement.AgreementDtos.AgreementRequest;
import org.zhijiao.membership.agreement.AgreementDtos.AgreementView;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.membership.organization.Organization;

@ApplicationScoped
public class AgreementService extends LifecycleService<CooperationAgreement, AgreementAction, AgreementView> {

    public AgreementService() {
        super(new AggregateKind<>("Agreement", CooperationAgreement.class, Topics.AGREEMENTS, "agreement",
                AgreementView::of));
    }

    public record Filter(AgreementStatus status, AgreementKind kind, UUID party) implements ListFilter {

        @Override
        public Where query() {
            return Where.all()
                    .and("status = :status", "status", status)
                    .and("kind = :kind", "kind", kind)
                    .and(":party member of parties", "party", party);
        }
    }

    @Transactional
    public AgreementView draft(AgreementRequest request, String by) {
        CooperationAgreement agreement = CooperationAgreement.draft(request.draftedOn(), by, today());
        apply(agreement, request);
        return create(agreement, "drafted");
    }

    @Transactional
    public AgreementView revise(UUID id, AgreementRequest request, String ifMatch) {
        CooperationAgreement agreement = findForChange(id, ifMatch);
        if (agreement.status != AgreementStatus.DRAFT) {
            throw ProblemException.invalidTransition("agreement", id, agreement.status, "revise");
        }
        apply(agreement, request);
        return publish(agreement, "revised");
    }

    /**
     * Moves the agreement on. Signing an agreement that supersedes another marks that one
     * SUPERSEDED on the same day, in the same transaction.
     */
    @Override
    @Transactional
    public AgreementView transition(UUID id, StepRequest<AgreementAction> request, String ifMatch, String by) {
        return transition(id, request.action(), ifMatch, agreement -> {
            if (request.action() == AgreementAction.SUPERSEDE) {
                throw ProblemException.invalid("action", "an agreement is superseded by signing its successor");
            }
            LocalDate today = today();
            Transition step = agreement.transition(request.action(), request.on(), request.reason(), by, today);
            if (request.action() == AgreementAction.SIGN && agreement.supersedes != null) {
                CooperationAgreement predecessor = find(agreement.supersedes);
                predecessor.transition(AgreementAction.SUPERSEDE, step.on, "superseded by " + agreement.id, by,
                        today);
                publish(predecessor, CooperationAgreement.LIFECYCLE.change(AgreementAction.SUPERSEDE));
            }
        });
    }

    private void apply(CooperationAgreement agreement, AgreementRequest request) {
        for (UUID party : request.parties()) {
            if (Organization.findById(party) == null) {
                throw ProblemException.unprocessable("parties", "no organization " + party + " is registered");
            }
        }
        if (request.validFrom() != null && request.validUntil() != null
                && request.validUntil().isBefore(request.validFrom())) {
            throw ProblemException.invalid("validUntil", "must not be before validFrom");
        }
        if (request.supersedes() != null) {
            CooperationAgreement predecessor = CooperationAgreement.findById(request.supersedes());
            if (predecessor == null || predecessor.id.equals(agreement.id)) {
                throw ProblemException.unprocessable("supersedes", "no other agreement " + request.supersedes());
            }
            if (predecessor.status != AgreementStatus.SIGNED) {
                throw ProblemException.unprocessable("supersedes",
                        "only a signed agreement can be superseded; it is " + predecessor.status);
            }
        }
        agreement.title = request.title();
        agreement.kind = request.kind();
        Patch.replace(agreement.parties, request.parties());
        agreement.summary = request.summary();
        agreement.validFrom = request.validFrom();
        agreement.validUntil = request.validUntil();
        agreement.supersedes = request.supersedes();
    }
}
