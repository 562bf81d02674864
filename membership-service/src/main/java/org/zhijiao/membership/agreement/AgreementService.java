package org.zhijiao.membership.agreement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.zhijiao.commons.events.Outbox;
import org.zhijiao.commons.lifecycle.History;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.web.Cursors;
import org.zhijiao.commons.web.ETags;
import org.zhijiao.commons.web.Ids;
import org.zhijiao.commons.web.Page;
import org.zhijiao.membership.agreement.AgreementDtos.AgreementRequest;
import org.zhijiao.membership.agreement.AgreementDtos.AgreementView;
import org.zhijiao.membership.agreement.AgreementDtos.TransitionRequest;
import org.zhijiao.membership.events.Topics;
import org.zhijiao.membership.organization.Organization;

@ApplicationScoped
public class AgreementService {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public record Filter(AgreementStatus status, AgreementKind kind, UUID party) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AgreementView> list(Filter filter, String cursor, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        UUID after = Cursors.decode(cursor);
        if (after != null) {
            where.append(" and id > :after");
            params.put("after", after);
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.party() != null) {
            where.append(" and :party member of parties");
            params.put("party", filter.party());
        }
        List<CooperationAgreement> rows = CooperationAgreement.<CooperationAgreement>find(where + " order by id", params)
                .page(0, limit + 1).list();
        return Cursors.page(rows, limit, a -> a.id).map(AgreementView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CooperationAgreement> find(UUID id) {
        return CooperationAgreement.findByIdOptional(id);
    }

    @Transactional
    public AgreementView draft(AgreementRequest request, String by) {
        CooperationAgreement agreement = new CooperationAgreement();
        agreement.id = Ids.newId();
        agreement.createdAt = OffsetDateTime.now();
        agreement.status = CooperationAgreement.LIFECYCLE.initial();
        apply(agreement, request);
        History.append(agreement.history, agreement.status, CooperationAgreement.Drafted.DRAFT, request.draftedOn(), null, by,
                LocalDate.now(clock));
        agreement.persist();
        return publish(agreement, "drafted");
    }

    @Transactional
    public AgreementView revise(UUID id, AgreementRequest request, String ifMatch) {
        CooperationAgreement agreement = get(id);
        ETags.requireIfMatch(ifMatch, agreement.version);
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
    @Transactional
    public AgreementView transition(UUID id, TransitionRequest request, String ifMatch, String by) {
        CooperationAgreement agreement = get(id);
        ETags.requireIfMatch(ifMatch, agreement.version);
        if (request.action() == AgreementAction.SUPERSEDE) {
            throw ProblemException.invalid("action", "an agreement is superseded by signing its successor");
        }
        LocalDate today = LocalDate.now(clock);
        var step = agreement.transition(request.action(), request.on(), request.reason(), by, today);
        if (request.action() == AgreementAction.SIGN && agreement.supersedes != null) {
            CooperationAgreement predecessor = get(agreement.supersedes);
            predecessor.transition(AgreementAction.SUPERSEDE, step.on, "superseded by " + agreement.id, by, today);
            publish(predecessor, "superseded");
        }
        return publish(agreement, switch (request.action()) {
            case SUBMIT -> "submitted";
            case RETURN_TO_DRAFT -> "returned-to-draft";
            case SIGN -> "signed";
            case EXPIRE -> "expired";
            case TERMINATE -> "terminated";
            case SUPERSEDE -> "superseded";
        });
    }

    private CooperationAgreement get(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Agreement", id));
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
        // in place: a collection replaced by an equal one would still count as a change
        agreement.parties.retainAll(request.parties());
        agreement.parties.addAll(request.parties());
        agreement.summary = request.summary();
        agreement.validFrom = request.validFrom();
        agreement.validUntil = request.validUntil();
        agreement.supersedes = request.supersedes();
    }

    private AgreementView publish(CooperationAgreement agreement, String change) {
        // an update that changes nothing keeps its version and publishes nothing
        boolean changed = outbox.flushChanges(agreement);
        AgreementView view = AgreementView.of(agreement);
        if (changed) {
            outbox.publish(Topics.AGREEMENTS, Topics.type("agreement", change), agreement.id, view);
        }
        return view;
    }
}
