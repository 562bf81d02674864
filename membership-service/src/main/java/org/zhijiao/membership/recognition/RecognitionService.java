package org.zhijiao.membership.recognition;

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
import org.zhijiao.membership.events.Topics;
import org.zhijiao.membership.organization.Organization;
import org.zhijiao.membership.recognition.RecognitionDtos.RecognitionRequest;
import org.zhijiao.membership.recognition.RecognitionDtos.RecognitionView;
import org.zhijiao.membership.recognition.RecognitionDtos.TransitionRequest;

@ApplicationScoped
public class RecognitionService {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public record Filter(RecognitionLevel level, UUID holder, Boolean heldByGroup, Integer awardedIn) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RecognitionView> list(Filter filter, String cursor, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        UUID after = Cursors.decode(cursor);
        if (after != null) {
            where.append(" and id > :after");
            params.put("after", after);
        }
        if (filter.level() != null) {
            where.append(" and level = :level");
            params.put("level", filter.level());
        }
        if (filter.holder() != null) {
            where.append(" and holderOrganizationId = :holder");
            params.put("holder", filter.holder());
        }
        if (Boolean.TRUE.equals(filter.heldByGroup())) {
            where.append(" and holderOrganizationId is null");
        }
        if (filter.awardedIn() != null) {
            where.append(" and awardedOn >= :from and awardedOn < :to");
            params.put("from", LocalDate.of(filter.awardedIn(), 1, 1));
            params.put("to", LocalDate.of(filter.awardedIn() + 1, 1, 1));
        }
        List<Recognition> rows = Recognition.<Recognition>find(where + " order by id", params).page(0, limit + 1).list();
        return Cursors.page(rows, limit, r -> r.id).map(RecognitionView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RecognitionView> get(UUID id) {
        return Recognition.<Recognition>findByIdOptional(id).map(RecognitionView::of);
    }

    @Transactional
    public RecognitionView grant(RecognitionRequest request, String by) {
        if (request.holderOrganizationId() != null && Organization.findById(request.holderOrganizationId()) == null) {
            throw ProblemException.unprocessable("holderOrganizationId",
                    "no organization " + request.holderOrganizationId() + " is registered");
        }
        if (request.validUntil() != null && request.validUntil().isBefore(request.awardedOn())) {
            throw ProblemException.invalid("validUntil", "must not be before awardedOn");
        }
        Recognition recognition = new Recognition();
        recognition.id = Ids.newId();
        recognition.holderOrganizationId = request.holderOrganizationId();
        recognition.titleZh = request.titleZh();
        recognition.titleEn = request.titleEn();
        recognition.level = request.level();
        recognition.grantedBy = request.grantedBy();
        recognition.awardedOn = request.awardedOn();
        recognition.validUntil = request.validUntil();
        recognition.status = Recognition.LIFECYCLE.initial();
        recognition.createdAt = OffsetDateTime.now();
        History.append(recognition.history, recognition.status, RecognitionAction.GRANT, request.awardedOn(), null, by,
                LocalDate.now(clock));
        recognition.persist();
        return publish(recognition, "granted");
    }

    @Transactional
    public RecognitionView transition(UUID id, TransitionRequest request, String ifMatch, String by) {
        Recognition recognition = Recognition.<Recognition>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Recognition", id));
        ETags.requireIfMatch(ifMatch, recognition.version);
        RecognitionStatus next = Recognition.LIFECYCLE.next(recognition.status, request.action(), id);
        History.append(recognition.history, next, request.action(), request.on(), request.reason(), by,
                LocalDate.now(clock));
        recognition.status = next;
        return publish(recognition, "revoked");
    }

    private RecognitionView publish(Recognition recognition, String change) {
        // an update that changes nothing keeps its version and publishes nothing
        boolean changed = outbox.flushChanges(recognition);
        RecognitionView view = RecognitionView.of(recognition);
        if (changed) {
            outbox.publish(Topics.RECOGNITIONS, Topics.type("recognition", change), recognition.id, view);
        }
        return view;
    }
}
