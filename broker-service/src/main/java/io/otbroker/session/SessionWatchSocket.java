package io.otbroker.session;

import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.otbroker.security.Caller;
import io.otbroker.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Operators (and auditors, who change nothing) watch a live session: {@code /api/sessions/{id}/watch} sends
 * the session's asciicast v2 header, then its events as they happen (see {@link Watchers}). Read-only: any
 * message from the watcher closes the stream. An operator watching an SL4 session supervises it. API
 * clients send their bearer token with the upgrade; the browser its session cookie (checked for the
 * page's origin by {@link WatchUpgradeCheck}). Start, stop and drops are audited with who.
 */
@WebSocket(path = "/api/sessions/{id}/watch", endpointId = SessionWatchSocket.ENDPOINT_ID)
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
public class SessionWatchSocket {

    static final String ENDPOINT_ID = "session-watch";
    /** Close code of a watcher that sent something (1008: policy violation). */
    static final int READ_ONLY = 1008;

    private static final UserData.TypedKey<Watch> WATCH = new UserData.TypedKey<>("otbroker.watch");

    /** One open watch: the session, this connection's watcher, who watches and from where. */
    private record Watch(LiveSession session, Watcher watcher, Caller caller, String source) {
        void record(AuditLog audit, AuditEventType type, Map<String, ?> extra) {
            Map<String, Object> details = new LinkedHashMap<>(extra);
            details.put("vendor", session.vendor());
            details.put("asset", session.asset());
            details.put("source", source);
            audit.recordAs(caller.name(), type, "session/" + session.id(), details);
        }
    }

    /** Sends a watcher's lines on its WebSocket. */
    private record ConnectionSink(WebSocketConnection connection) implements Watcher.Sink {
        @Override
        public void send(String line) {
            connection.sendTextAndAwait(line);
        }

        @Override
        public void close(String reason) {
            connection.close(new CloseReason(CloseReason.NORMAL.getCode(), reason)).subscribe()
                    .with(closed -> { }, alreadyGone -> { });
        }
    }

    @Inject
    LiveSessions sessions;

    @Inject
    AuditLog audit;

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "otbroker.ssh.watch-buffer")
    long buffer;

    @OnOpen
    void open(WebSocketConnection connection) {
        Caller caller = Caller.of(identity);
        Optional<LiveSession> live = WatchUpgradeCheck.sessionId(connection.pathParam("id")).flatMap(sessions::find);
        if (live.isEmpty()) {
            // It ended between the upgrade and now.
            connection.closeAndAwait(new CloseReason(CloseReason.NORMAL.getCode(), "the session has ended"));
            return;
        }
        // Why only operators supervise: auditors read; a vendor never counts, whatever other roles it holds.
        boolean supervisor = caller.isOperator() && !caller.isVendor();
        String source = connection.handshakeRequest().remoteAddress();
        Watcher watcher = new Watcher(caller.name(), supervisor, new ConnectionSink(connection), buffer,
                (dropped, endedSupervision) -> dropped(new Watch(live.get(), dropped, caller, source), endedSupervision));
        Watch watch = new Watch(live.get(), watcher, caller, source);
        connection.userData().put(WATCH, watch);
        boolean supervised = live.get().watchers().join(watch.watcher());
        record(watch, AuditEventType.SESSION_WATCH_START, Map.of("supervisor", supervisor));
        if (supervised) {
            record(watch, AuditEventType.SESSION_SUPERVISED, Map.of());
        }
    }

    @OnTextMessage
    void refuseText(String message, WebSocketConnection connection) {
        closeReadOnly(connection);
    }

    @OnBinaryMessage
    void refuseBinary(byte[] message, WebSocketConnection connection) {
        closeReadOnly(connection);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        Watch watch = connection.userData().remove(WATCH);
        if (watch == null) {
            return;
        }
        boolean lost = watch.session().watchers().leave(watch.watcher());
        watch.watcher().close("closed");
        CloseReason reason = connection.closeReason();
        record(watch, AuditEventType.SESSION_WATCH_STOP, Map.of("closeCode", reason == null ? -1 : reason.getCode()));
        if (lost) {
            record(watch, AuditEventType.SESSION_UNSUPERVISED, Map.of());
        }
    }

    /** Why close: the stream is read-only; a watcher that types is a client that misunderstood, or worse. */
    private static void closeReadOnly(WebSocketConnection connection) {
        connection.closeAndAwait(new CloseReason(READ_ONLY, "read-only: this stream takes no messages"));
    }

    /** Told on the relay's thread: the audit (a database write) must not hold it up. */
    private void dropped(Watch watch, boolean endedSupervision) {
        Thread.ofVirtual().name("otbroker-watch-dropped").start(() -> {
            record(watch, AuditEventType.SESSION_WATCH_DROPPED, Map.of("reason", "the watcher fell too far behind"));
            if (endedSupervision) {
                record(watch, AuditEventType.SESSION_UNSUPERVISED, Map.of());
            }
        });
    }

    private void record(Watch watch, AuditEventType type, Map<String, ?> extra) {
        watch.record(audit, type, extra);
    }
}
