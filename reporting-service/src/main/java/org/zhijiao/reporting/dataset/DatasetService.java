package org.zhijiao.reporting.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.zhijiao.commons.aggregate.Where;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.web.Ids;
import org.zhijiao.commons.web.Page;
import org.zhijiao.reporting.dataset.DatasetDtos.DatasetTotals;
import org.zhijiao.reporting.dataset.DatasetDtos.DatasetView;
import org.zhijiao.reporting.dataset.DatasetDtos.Entry;
import org.zhijiao.reporting.dataset.DatasetDtos.Provenance;
import org.zhijiao.reporting.events.EventData;
import org.zhijiao.reporting.report.ReportCache;
import org.zhijiao.reporting.summary.ProjectionReader;

/** Validates, stores and totals submitted datasets; a resubmission supersedes and keeps the old one. */
@ApplicationScoped
public class DatasetService {

    @Inject
    ObjectMapper mapper;

    @Inject
    ProjectionReader projections;

    @Inject
    Clock clock;

    @Inject
    ReportCache reports;

    /** Who submits: the token's client id and organization. */
    public record Submitter(String clientId, UUID organization) {
    }

    @Transactional
    public DatasetView submit(DatasetKind kind, UUID schoolId, int year, String sourceNote, List<? extends Entry> entries,
            Submitter submitter) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (year > now.getYear()) {
            throw ProblemException.invalid("year", "must not be after the current year " + now.getYear());
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!keys.add(entries.get(i).key())) {
                throw ProblemException.invalid("entries[" + i + "]", "repeats " + entries.get(i).key());
            }
        }
        requireSchool(schoolId);
        DatasetSubmission submission = new DatasetSubmission();
        submission.id = Ids.newId();
        Optional<DatasetSubmission> previous = DatasetSubmission.find(
                "kind = ?1 and schoolId = ?2 and year = ?3 and supersededBy is null", kind, schoolId, year)
                .firstResultOptional();
        previous.ifPresent(p -> {
            p.supersededBy = submission.id;
            p.supersededAt = now;
            p.flush(); // the current one must step aside before the new one takes its place
        });
        submission.kind = kind;
        submission.schoolId = schoolId;
        submission.year = year;
        submission.entries = write(entries);
        submission.total = entries.stream().mapToLong(Entry::count).sum();
        submission.sourceNote = sourceNote;
        submission.submittedBy = submitter.clientId();
        submission.submittedFor = submitter.organization();
        submission.submittedAt = now;
        submission.persist();
        // the annual report shows the datasets: cached reports are stale from now on
        reports.stale();
        return view(submission);
    }

    public Optional<DatasetView> get(UUID id) {
        return DatasetSubmission.<DatasetSubmission>findByIdOptional(id).map(this::view);
    }

    /** Newest first; {@code schoolId} null = every school; superseded ones only when asked. */
    public Page<DatasetView> list(DatasetKind kind, Integer year, UUID schoolId, boolean includeSuperseded,
            String cursor, int limit) {
        return Where.all()
                .and("kind = :kind", "kind", kind)
                .and("year = :year", "year", year)
                .and("schoolId = :school", "school", schoolId)
                .and(!includeSuperseded, "supersededBy is null")
                .newestFirst(DatasetSubmission.getEntityManager(), DatasetSubmission.class, s -> s.id, cursor, limit)
                .map(this::view);
    }

    public DatasetTotals totals(DatasetKind kind, int year) {
        List<DatasetSubmission> current = DatasetSubmission.list(
                "kind = ?1 and year = ?2 and supersededBy is null", kind, year);
        Map<String, Map<String, Long>> totals = new TreeMap<>();
        long total = 0;
        for (DatasetSubmission submission : current) {
            total += submission.total;
            addTotals(totals, entries(submission));
        }
        return new DatasetTotals(kind, year, current.size(), total, totals);
    }

    private void requireSchool(UUID schoolId) {
        Optional<EventData.Organization> org = projections.organization(schoolId.toString());
        if (org.isEmpty()) {
            throw ProblemException.unprocessable("schoolId", "no such organization " + schoolId);
        }
        if (!"SCHOOL".equals(org.get().kind())) {
            throw ProblemException.unprocessable("schoolId", schoolId + " is not a school");
        }
    }

    private DatasetView view(DatasetSubmission s) {
        Map<String, Map<String, Long>> totals = new TreeMap<>();
        addTotals(totals, entries(s));
        return new DatasetView(s.id, s.kind, s.schoolId, s.year, read(s.entries), s.total, totals,
                new Provenance(s.submittedBy, s.submittedFor, s.submittedAt, s.sourceNote), s.supersededBy == null,
                s.supersededBy, s.supersededAt);
    }

    private static void addTotals(Map<String, Map<String, Long>> totals, List<? extends Entry> entries) {
        for (Entry entry : entries) {
            entry.dimensions().forEach((dimension, value) -> totals.computeIfAbsent(dimension, d -> new TreeMap<>())
                    .merge(value, entry.count(), Long::sum));
        }
    }

    private List<? extends Entry> entries(DatasetSubmission s) {
        Class<? extends Entry> type = s.kind == DatasetKind.ADMISSIONS ? DatasetDtos.AdmissionEntry.class
                : DatasetDtos.DestinationEntry.class;
        try {
            return mapper.readValue(s.entries, mapper.getTypeFactory().constructCollectionType(List.class, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored entries of " + s.id + " do not fit " + type.getSimpleName(), e);
        }
    }

    private String write(List<? extends Entry> entries) {
        try {
            return mapper.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
