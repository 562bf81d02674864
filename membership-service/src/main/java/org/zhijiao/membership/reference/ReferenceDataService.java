package org.zhijiao.membership.reference;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.zhijiao.commons.aggregate.AggregateKind;
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.events.Outbox;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.web.ETags;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.membership.reference.ReferenceDtos.ReferenceItemRequest;
import org.zhijiao.membership.reference.ReferenceDtos.ReferenceItemView;

@ApplicationScoped
public class ReferenceDataService {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,39}");

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReferenceItemView> list(ReferenceKind kind) {
        return ReferenceItem.<ReferenceItem>find("kind", Sort.by("code"), kind).stream()
                .map(ReferenceItemView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReferenceItemView> get(ReferenceKind kind, String code) {
        return Optional.ofNullable(ReferenceItem.find(kind, code)).map(ReferenceItemView::of);
    }

    /** Creates or replaces a code; returns whether it was created. */
    @Transactional
    public Upserted upsert(ReferenceKind kind, String code, ReferenceItemRequest request, String ifMatch) {
        if (!CODE.matcher(code).matches()) {
            throw ProblemException.invalid("code", "must be 1-40 upper-case letters, digits, '_' or '-'");
        }
        ReferenceItem item = ReferenceItem.find(kind, code);
        boolean created = item == null;
        if (created) {
            item = new ReferenceItem();
            item.kind = kind;
            item.code = code;
        } else if (!sameAs(item, request)) {
            // defining a code again is idempotent; changing it needs the tag of the caller's last read
            ETags.requireIfMatch(ifMatch, item.version);
        }
        if (created || !sameAs(item, request)) {
            // only a real change touches the item: same version, no event otherwise
            item.name = new BilingualName(request.nameZh(), request.nameEn());
            item.retiredOn = request.retiredOn();
            item.updatedAt = OffsetDateTime.now();
        }
        if (created) {
            item.persist();
        }
        // an update that changes nothing keeps its version and publishes nothing
        boolean changed = outbox.flushChanges(item);
        ReferenceItemView view = ReferenceItemView.of(item);
        if (changed) {
            outbox.publish(Topics.REFERENCE_DATA, AggregateKind.eventType("reference-item", created ? "defined" : "updated"),
                    kind.path() + "/" + code, view);
        }
        return new Upserted(view, created);
    }

    private static boolean sameAs(ReferenceItem item, ReferenceItemRequest request) {
        return item.name.equals(new BilingualName(request.nameZh(), request.nameEn()))
                && Objects.equals(item.retiredOn, request.retiredOn());
    }

    public record Upserted(ReferenceItemView item, boolean created) {
    }

    /** Fails with a 422 naming {@code field} unless every code is defined and in use. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireUsable(ReferenceKind kind, Collection<String> codes, String field) {
        for (String code : codes) {
            ReferenceItem item = ReferenceItem.find(kind, code);
            if (item == null) {
                throw ProblemException.unprocessable(field, "unknown " + kind.path() + " code " + code);
            }
            if (item.retiredOn != null && !item.retiredOn.isAfter(java.time.LocalDate.now())) {
                throw ProblemException.unprocessable(field, kind.path() + " code " + code + " was retired on "
                        + item.retiredOn);
            }
        }
    }
}
