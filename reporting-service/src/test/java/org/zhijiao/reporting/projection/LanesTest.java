package org.zhijiao.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.reporting.events.EventData;
import org.zhijiao.reporting.events.IncomingEvent;
import org.zhijiao.commons.events.Topics;

/** How a poll is split into lanes: the rules the lanes' exactness and their not waiting on each other rest on. */
class LanesTest {

    private final Random random = new Random(7);

    @Test
    void anOrganizationAndItsMembershipsShareALaneAndEveryAggregateStaysInOne() {
        ProjectionConsumer consumer = new ProjectionConsumer();
        consumer.lanes = 3;
        List<IncomingEvent> poll = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String organization = UUID.randomUUID().toString();
            String membership = UUID.randomUUID().toString();
            poll.add(event(Topics.ORGANIZATIONS, organization(organization, 0)));
            poll.add(event(Topics.MEMBERSHIPS, membership(membership, organization, 0)));
            poll.add(event(Topics.MEMBERSHIPS, membership(membership, organization, 1)));
            poll.add(event(Topics.ORGANIZATIONS, organization(organization, 1)));
        }
        Collections.shuffle(poll, random);

        List<List<IncomingEvent>> lanes = consumer.split(poll);

        assertThat(lanes).hasSize(3);
        assertThat(lanes).allSatisfy(lane -> assertThat(lane).as("the split spreads the work").hasSizeGreaterThan(100));
        assertThat(lanes.stream().mapToInt(List::size).sum()).isEqualTo(poll.size());
        Map<String, Integer> laneOfOrganization = new HashMap<>();
        for (int lane = 0; lane < lanes.size(); lane++) {
            for (IncomingEvent e : lanes.get(lane)) {
                String organization = e.data() instanceof EventData.Membership m ? m.organizationId() : e.data().key();
                Integer before = laneOfOrganization.putIfAbsent(organization, lane);
                assertThat(before == null ? lane : before).as("lane of organization %s", organization).isEqualTo(lane);
            }
            // within a lane, the poll's order is kept
            List<IncomingEvent> lanePoll = poll.stream().filter(lanes.get(lane)::contains).toList();
            assertThat(lanes.get(lane)).containsExactlyElementsOf(lanePoll);
        }
    }

    @Test
    void versionsOfOneAggregateStayInTheLaneOfTheFirstEvenIfTheirOrganizationDiffers() {
        ProjectionConsumer consumer = new ProjectionConsumer();
        consumer.lanes = 2;
        String membership = UUID.randomUUID().toString();
        List<IncomingEvent> poll = new ArrayList<>();
        for (int version = 0; version < 20; version++) {
            poll.add(event(Topics.MEMBERSHIPS, membership(membership, UUID.randomUUID().toString(), version)));
        }

        List<List<IncomingEvent>> lanes = consumer.split(poll);

        assertThat(lanes).anySatisfy(lane -> assertThat(lane).containsExactlyElementsOf(poll));
    }

    private static IncomingEvent event(String topic, EventData data) {
        return new IncomingEvent(topic, 0, 0, null, data, null);
    }

    private static EventData.Organization organization(String id, long version) {
        return new EventData.Organization(id, "组织", null, "ENTERPRISE", null, "MEDIUM", List.of(), null, false, List.of(),
                version);
    }

    private static EventData.Membership membership(String id, String organization, long version) {
        return new EventData.Membership(id, organization, "ENTERPRISE", "MEMBER", List.of(), List.of(), "ACTIVE", List.of(),
                version);
    }
}
