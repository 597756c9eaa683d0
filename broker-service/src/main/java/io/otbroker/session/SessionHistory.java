package io.otbroker.session;

import io.otbroker.web.Paging;
import io.otbroker.web.TimeRange;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every recorded session, kept in the database: written by the relays, read by operators and auditors. */
@ApplicationScoped
public class SessionHistory {

    /** Longest end reason kept (it may quote an operator's words). */
    private static final int MAX_REASON = 1000;

    @Inject
    Clock clock;

    /** A session has started recording. Throws if the database cannot take it: the session must not go on. */
    @Transactional
    public void opened(LiveSession session) {
        SessionRecord row = new SessionRecord();
        row.id = session.id();
        row.grantId = session.grantId();
        row.vendor = session.vendor();
        row.asset = session.asset();
        row.protocol = session.protocol();
        row.startedAt = session.started();
        row.recordingState = SessionRecord.RECORDING_OPEN;
        row.verification = SessionRecord.NOT_VERIFIED;
        row.persist();
    }

    /** A session has ended and its recording is closed in {@code recordingState}. */
    @Transactional
    public void ended(LiveSession session, int exitStatus, String reason, String recordingState) {
        SessionRecord row = SessionRecord.findById(session.id());
        row.endedAt = clock.instant();
        row.exitStatus = exitStatus;
        row.endReason = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
        row.bytesToAsset = session.traffic().toAsset();
        row.bytesFromAsset = session.traffic().fromAsset();
        row.recordingState = recordingState;
    }

    /** Keeps the outcome of verifying the session's recording, with the time it was found. */
    @Transactional
    public void verified(UUID id, String status, String detail) {
        SessionRecord row = SessionRecord.findById(id);
        if (row != null) {
            row.verification = status;
            row.verificationDetail = detail == null || detail.length() <= MAX_REASON ? detail
                    : detail.substring(0, MAX_REASON);
            row.verifiedAt = clock.instant();
        }
    }

    @Transactional
    public Optional<SessionHistoryView> find(UUID id) {
        return SessionRecord.<SessionRecord>findByIdOptional(id).map(SessionHistoryView::of);
    }

    /** One page of the sessions matching the filters (null: any), newest first. */
    @Transactional
    public SessionHistoryPage page(String vendor, String asset, TimeRange started, Paging paging) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        condition(conditions, parameters, "vendor = :vendor", "vendor", vendor);
        condition(conditions, parameters, "asset = :asset", "asset", asset);
        condition(conditions, parameters, "startedAt >= :from", "from", started.from());
        condition(conditions, parameters, "startedAt < :to", "to", started.to());
        String query = conditions.isEmpty() ? "from SessionRecord"
                : "from SessionRecord where " + String.join(" and ", conditions);
        PanacheQuery<SessionRecord> rows = SessionRecord.find(query, Sort.descending("startedAt", "id"), parameters);
        long total = rows.count();
        List<SessionHistoryView> items = rows.page(paging.page(), paging.size()).list().stream()
                .map(SessionHistoryView::of).toList();
        return new SessionHistoryPage(items, paging.page(), paging.size(), total);
    }

    private static void condition(List<String> conditions, Map<String, Object> parameters, String condition,
            String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }
}
