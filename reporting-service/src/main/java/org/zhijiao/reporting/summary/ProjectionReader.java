package org.zhijiao.reporting.summary;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.reporting.events.EventData;
import org.zhijiao.reporting.events.EventReader;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.reporting.events.TopicContracts;

/** Reads single projections by key, or a small topic whole (recognitions), straight from the table. */
@ApplicationScoped
public class ProjectionReader {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventReader reader;

    public Optional<EventData.Organization> organization(String id) {
        List<EventData.Organization> found = read(Topics.ORGANIZATIONS, id);
        return found.stream().findFirst();
    }

    /** Every recognition: honours are few (the group's and its members'), never one per member. */
    public List<EventData.Recognition> recognitions() {
        return read(Topics.RECOGNITIONS, null);
    }

    /** Every reference item (specialty clusters, industry chains, sub-alliances): tens, not thousands. */
    public List<EventData.ReferenceItem> referenceItems() {
        return read(Topics.REFERENCE_DATA, null);
    }

    @SuppressWarnings("unchecked")
    private <T extends EventData> List<T> read(String topic, String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT data::text FROM projection WHERE topic = ?"
                        + (key == null ? "" : " AND aggregate_id = ?"))) {
            s.setString(1, topic);
            if (key != null) {
                s.setString(2, key);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add((T) reader.stored(rs.getString(1), TopicContracts.contract(topic).dataType()));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw ProblemException.unavailable("The projections cannot be read now (the reporting database does not answer); retry shortly", e);
        }
    }
}
