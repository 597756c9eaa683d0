package io.otbroker.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.web.Paging;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** Reads the audit log: filtered pages for people, bounded seq-ordered batches for exports. */
@ApplicationScoped
public class AuditSearch {

    static final int EXPORT_BATCH_SIZE = 500;

    @Inject
    ObjectMapper mapper;

    /** One page of matching events, newest first. */
    @Transactional
    public AuditPage page(AuditFilter filter, Paging paging) {
        PanacheQuery<AuditEvent> query = find(filter.conditions(), filter.parameters(), Sort.descending("seq"));
        long total = query.count();
        List<AuditEventView> items = query.page(paging.page(), paging.size()).list().stream()
                .map(event -> AuditEventView.of(event, mapper))
                .toList();
        return new AuditPage(items, paging.page(), paging.size(), total);
    }

    /** The highest seq committed so far (0 if the log is empty); bounds an export to a snapshot. */
    @Transactional
    public long lastSeq() {
        return AuditEvent.maxSeq();
    }

    /** The next matching events with {@code afterSeq < seq <= lastSeq}, oldest first. */
    @Transactional
    public List<AuditEventView> exportBatch(AuditFilter filter, long afterSeq, long lastSeq) {
        List<String> conditions = filter.conditions();
        conditions.add("seq > :afterSeq");
        conditions.add("seq <= :lastSeq");
        Map<String, Object> parameters = filter.parameters();
        parameters.put("afterSeq", afterSeq);
        parameters.put("lastSeq", lastSeq);
        return find(conditions, parameters, Sort.ascending("seq"))
                .range(0, EXPORT_BATCH_SIZE - 1).list().stream()
                .map(event -> AuditEventView.of(event, mapper))
                .toList();
    }

    private static PanacheQuery<AuditEvent> find(List<String> conditions, Map<String, Object> parameters, Sort sort) {
        String query = conditions.isEmpty() ? "from AuditEvent" : "from AuditEvent where " + String.join(" and ", conditions);
        return AuditEvent.find(query, sort, parameters);
    }
}
