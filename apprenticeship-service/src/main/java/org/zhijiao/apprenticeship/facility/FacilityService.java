package org.zhijiao.apprenticeship.facility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.UUID;
import org.zhijiao.apprenticeship.common.ApprenticeshipService;
import org.zhijiao.apprenticeship.directory.OrganizationKind;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.apprenticeship.facility.FacilityDtos.FacilityRequest;
import org.zhijiao.apprenticeship.facility.FacilityDtos.FacilityView;
import org.zhijiao.commons.aggregate.AggregateKind;
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.aggregate.IdQuery;
import org.zhijiao.commons.aggregate.ListFilter;
import org.zhijiao.commons.aggregate.Patch;

@ApplicationScoped
public class FacilityService extends ApprenticeshipService<Facility, FacilityAction, FacilityView> {

    public FacilityService() {
        super(new AggregateKind<>("Facility", Facility.class, Topics.FACILITIES, "facility", FacilityView::of));
    }

    /** Filters of the facility list; null means "any". {@code hostId} also carries a confined caller's tenant. */
    public record Filter(FacilityType type, FacilityLevel level, FacilityStatus status, UUID hostId)
            implements ListFilter {

        @Override
        public IdQuery query() {
            return IdQuery.from("facility")
                    .and("t.type = :type", "type", type)
                    .and("t.level = :level", "level", level)
                    .and("t.status = :status", "status", status)
                    .and("EXISTS (SELECT 1 FROM facility_host h WHERE h.facility_id = t.id"
                            + " AND h.organization_id = :host)", "host", hostId);
        }
    }

    @Transactional
    public FacilityView plan(FacilityRequest request, String by) {
        Facility facility = Facility.plan(request.plannedOn(), by, today());
        apply(facility, request);
        return create(facility, "planned");
    }

    @Transactional
    public FacilityView replace(UUID id, FacilityRequest request, String ifMatch) {
        return edit(id, ifMatch, facility -> apply(facility, request));
    }

    private void apply(Facility facility, FacilityRequest request) {
        for (UUID host : request.hostOrganizationIds()) {
            directory.requireActive("hostOrganizationIds", host,
                    EnumSet.of(OrganizationKind.SCHOOL, OrganizationKind.ENTERPRISE));
        }
        facility.type = request.type();
        facility.name = new BilingualName(request.nameZh(), request.nameEn());
        Patch.replace(facility.hostOrganizationIds, request.hostOrganizationIds());
        facility.level = request.level();
        facility.capacity = request.capacity();
        facility.focus = request.focus();
    }
}
