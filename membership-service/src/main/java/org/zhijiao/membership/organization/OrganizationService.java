package org.zhijiao.membership.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.zhijiao.commons.aggregate.AggregateKind;
import org.zhijiao.commons.aggregate.ListFilter;
import org.zhijiao.commons.aggregate.AggregateService;
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.aggregate.Patch;
import org.zhijiao.commons.aggregate.Where;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.web.Ids;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.membership.organization.OrganizationDtos.CampusRequest;
import org.zhijiao.membership.organization.OrganizationDtos.CampusView;
import org.zhijiao.membership.organization.OrganizationDtos.OrganizationRequest;
import org.zhijiao.membership.organization.OrganizationDtos.OrganizationView;
import org.zhijiao.membership.reference.ReferenceDataService;
import org.zhijiao.membership.reference.ReferenceKind;

@ApplicationScoped
public class OrganizationService extends AggregateService<Organization, OrganizationView> {

    @Inject
    ReferenceDataService referenceData;

    public OrganizationService() {
        super(new AggregateKind<>("Organization", Organization.class, Topics.ORGANIZATIONS, "organization",
                OrganizationView::of));
    }

    /** Filters of the organization list; null means "any". */
    public record Filter(OrganizationKind kind, String country, String city, String industryChain, String name,
            String creditCode, UUID onlyId) implements ListFilter {

        @Override
        public Where query() {
            String like = name == null ? null
                    : "%" + name.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
            return Where.all()
                    .and("kind = :kind", "kind", kind)
                    .and("region.country = :country", "country", country)
                    .and("region.city = :city", "city", city)
                    .and(":chain member of industryChains", "chain", industryChain)
                    .and("(lower(name.zh) like :name or lower(name.en) like :name)", "name", like)
                    .and("creditCode = :creditCode", "creditCode", creditCode)
                    .and("id = :only", "only", onlyId);
        }
    }

    @Transactional
    public OrganizationView register(OrganizationRequest request) {
        Organization organization = new Organization();
        organization.id = Ids.newId();
        organization.createdAt = OffsetDateTime.now();
        organization.updatedAt = organization.createdAt;
        apply(organization, request);
        return create(organization, "registered");
    }

    @Transactional
    public OrganizationView update(UUID id, OrganizationRequest request, String ifMatch) {
        Organization organization = findForChange(id, ifMatch);
        if (sameDetails(organization, request)) {
            // nothing to change: same version, no event
            return OrganizationView.of(organization);
        }
        apply(organization, request);
        organization.updatedAt = OffsetDateTime.now();
        return publish(organization, "updated");
    }

    @Transactional
    public CampusView addCampus(UUID id, CampusRequest request, String ifMatch) {
        Organization organization = findForChange(id, ifMatch);
        if (organization.kind != OrganizationKind.SCHOOL) {
            throw ProblemException.unprocessable("organizationId", "only schools have branch campuses");
        }
        Campus campus = new Campus();
        campus.id = Ids.newId();
        campus.name = new BilingualName(request.nameZh(), request.nameEn());
        campus.region = request.region().toRegion();
        campus.status = request.status();
        campus.openedOn = request.openedOn();
        organization.campuses.add(campus);
        organization.updatedAt = OffsetDateTime.now();
        publish(organization, "campus-added");
        return CampusView.of(campus);
    }

    private static boolean sameDetails(Organization o, OrganizationRequest request) {
        Set<String> chains = request.industryChains() == null ? Set.of() : request.industryChains();
        return o.name.equals(new BilingualName(request.nameZh(), request.nameEn()))
                && Objects.equals(o.creditCode, request.creditCode()) && o.kind == request.kind()
                && o.schoolLevel == request.schoolLevel() && o.enterpriseSize == request.enterpriseSize()
                && o.industryChains.equals(chains) && Objects.equals(o.region, request.region().toRegion());
    }

    private void apply(Organization organization, OrganizationRequest request) {
        boolean domestic = "CN".equals(request.region().country());
        if (domestic && request.creditCode() == null) {
            throw ProblemException.invalid("creditCode", "is required for organizations registered in China");
        }
        if (request.kind() == OrganizationKind.SCHOOL && request.schoolLevel() == null) {
            throw ProblemException.invalid("schoolLevel", "is required for schools");
        }
        if (request.kind() != OrganizationKind.SCHOOL && request.schoolLevel() != null) {
            throw ProblemException.invalid("schoolLevel", "applies to schools only");
        }
        if (request.kind() != OrganizationKind.ENTERPRISE && request.enterpriseSize() != null) {
            throw ProblemException.invalid("enterpriseSize", "applies to enterprises only");
        }
        Set<String> chains = request.industryChains() == null ? Set.of() : request.industryChains();
        referenceData.requireUsable(ReferenceKind.INDUSTRY_CHAINS, chains, "industryChains");
        if (request.creditCode() != null && !request.creditCode().equals(organization.creditCode)
                && Organization.count("creditCode", request.creditCode()) > 0) {
            throw ProblemException.conflict("creditCode",
                    "an organization with credit code " + request.creditCode() + " is already registered");
        }
        organization.name = new BilingualName(request.nameZh(), request.nameEn());
        organization.creditCode = request.creditCode();
        organization.kind = request.kind();
        organization.schoolLevel = request.schoolLevel();
        organization.enterpriseSize = request.enterpriseSize();
        Patch.replace(organization.industryChains, chains);
        organization.region = request.region().toRegion();
        // the same list back when no slicing attribute changed, so an unchanged PUT publishes nothing
        organization.attributeHistory = DatedAttributes.append(organization.attributeHistory,
                from -> AttributeVersion.of(organization, from), AttributeVersion::from, AttributeVersion::sameAttributes,
                request.effectiveOn(), today(), "effectiveOn");
    }
}
