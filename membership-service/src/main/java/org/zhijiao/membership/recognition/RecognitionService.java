package org.zhijiao.membership.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import org.zhijiao.commons.aggregate.AggregateKind;
import org.zhijiao.commons.aggregate.ListFilter;
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.aggregate.LifecycleService;
import org.zhijiao.commons.aggregate.Where;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.membership.organization.Organization;
import org.zhijiao.membership.recognition.RecognitionDtos.RecognitionRequest;
import org.zhijiao.membership.recognition.RecognitionDtos.RecognitionView;

@ApplicationScoped
public class RecognitionService extends LifecycleService<Recognition, RecognitionAction, RecognitionView> {

    public RecognitionService() {
        super(new AggregateKind<>("Recognition", Recognition.class, Topics.RECOGNITIONS, "recognition",
                RecognitionView::of));
    }

    public record Filter(RecognitionLevel level, UUID holder, Boolean heldByGroup, Integer awardedIn)
            implements ListFilter {

        @Override
        public Where query() {
            return Where.all()
                    .and("level = :level", "level", level)
                    .and("holderOrganizationId = :holder", "holder", holder)
                    .and(Boolean.TRUE.equals(heldByGroup), "holderOrganizationId is null")
                    .and("awardedOn >= :from", "from", awardedIn == null ? null : LocalDate.of(awardedIn, 1, 1))
                    .and("awardedOn < :to", "to", awardedIn == null ? null : LocalDate.of(awardedIn + 1, 1, 1));
        }
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
        Recognition recognition = Recognition.grant(request.awardedOn(), by, today());
        recognition.holderOrganizationId = request.holderOrganizationId();
        recognition.title = new BilingualName(request.titleZh(), request.titleEn());
        recognition.level = request.level();
        recognition.grantedBy = request.grantedBy();
        recognition.validUntil = request.validUntil();
        return create(recognition, "granted");
    }
}
