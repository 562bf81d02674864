package org.zhijiao.reporting.load;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.zhijiao.reporting.load.DataLoadDtos.DataLoadView;
import org.zhijiao.reporting.report.ReportCache;

@ApplicationScoped
public class DataLoadService {

    @Inject
    ReportCache reports;

    /** Records the load's state; the cached reports are stale from now on (they say whether figures are partial). */
    @Transactional
    public DataLoadView mark(String name, DataLoad.State state, String by) {
        DataLoad load = DataLoad.<DataLoad>findByIdOptional(name).orElseGet(() -> {
            DataLoad created = new DataLoad();
            created.name = name;
            return created;
        });
        load.state = state;
        load.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
        load.changedBy = by;
        load.persist();
        reports.stale();
        return view(load);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DataLoadView> list() {
        return DataLoad.<DataLoad>listAll(Sort.by("name")).stream().map(DataLoadService::view).toList();
    }

    /** Names of the loads in progress, sorted; empty when the figures are complete. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> inProgress() {
        return DataLoad.<DataLoad>list("state", Sort.by("name"), DataLoad.State.LOADING).stream()
                .map(load -> load.name).toList();
    }

    private static DataLoadView view(DataLoad load) {
        return new DataLoadView(load.name, load.state, load.changedAt, load.changedBy);
    }
}
