package org.zhijiao.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhijiao.testing.LifecycleAssertions.assertExactly;
import static org.zhijiao.testing.LifecycleAssertions.assertRefusal;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhijiao.membership.agreement.AgreementAction;
import org.zhijiao.membership.agreement.AgreementStatus;
import org.zhijiao.membership.agreement.CooperationAgreement;
import org.zhijiao.membership.membership.Membership;
import org.zhijiao.membership.membership.MembershipAction;
import org.zhijiao.membership.membership.MembershipStatus;

/** Walks every (state, action) pair of each lifecycle against the table written in DESIGN.md. */
class LifecycleTest {

    @Test
    void membershipTransitionsAreExactlyTheDesignedOnes() {
        Map<String, String> designed = Map.ofEntries(
                Map.entry("APPLIED REVIEW", "UNDER_REVIEW"),
                Map.entry("APPLIED REJECT", "REJECTED"),
                Map.entry("APPLIED WITHDRAW", "WITHDRAWN"),
                Map.entry("UNDER_REVIEW APPROVE", "ACTIVE"),
                Map.entry("UNDER_REVIEW REJECT", "REJECTED"),
                Map.entry("UNDER_REVIEW WITHDRAW", "WITHDRAWN"),
                Map.entry("ACTIVE SUSPEND", "SUSPENDED"),
                Map.entry("ACTIVE WITHDRAW", "WITHDRAWN"),
                Map.entry("ACTIVE EXPEL", "EXPELLED"),
                Map.entry("SUSPENDED REINSTATE", "ACTIVE"),
                Map.entry("SUSPENDED WITHDRAW", "WITHDRAWN"),
                Map.entry("SUSPENDED EXPEL", "EXPELLED"));
        assertExactly(Membership.LIFECYCLE, MembershipStatus.values(), MembershipAction.values(), designed);
        assertThat(Membership.LIFECYCLE.initial()).isEqualTo(MembershipStatus.APPLIED);
    }

    @Test
    void agreementTransitionsAreExactlyTheDesignedOnes() {
        Map<String, String> designed = Map.of(
                "DRAFT SUBMIT", "PENDING_SIGNATURE",
                "PENDING_SIGNATURE RETURN_TO_DRAFT", "DRAFT",
                "PENDING_SIGNATURE SIGN", "SIGNED",
                "SIGNED EXPIRE", "EXPIRED",
                "SIGNED TERMINATE", "TERMINATED",
                "SIGNED SUPERSEDE", "SUPERSEDED");
        assertExactly(CooperationAgreement.LIFECYCLE, AgreementStatus.values(), AgreementAction.values(), designed);
    }

    @Test
    void refusalNamesStateAndAllowedActions() {
        assertRefusal(Membership.LIFECYCLE, MembershipStatus.WITHDRAWN, MembershipAction.SUSPEND, "WITHDRAWN", "suspend");
    }
}
