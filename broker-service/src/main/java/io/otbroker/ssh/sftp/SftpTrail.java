package io.otbroker.ssh.sftp;

import io.otbroker.audit.AuditEventType;
import io.otbroker.recorder.RecordingFailedException;
import io.otbroker.ssh.RelayedSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What an SFTP session leaves behind: a transcript of its operations in the session's recording (a replay
 * shows what was listed, changed and transferred) and an audit event per transfer, change and refusal.
 */
final class SftpTrail {

    /** Longest path copied into the audit log or the transcript: it is whatever the client sent. */
    private static final int MAX_PATH_CHARS = 1024;

    private final RelayedSession session;

    SftpTrail(RelayedSession session) {
        this.session = session;
    }

    /**
     * Writes {@code line} to the transcript. Why it throws: an operation is relayed only once it is recorded
     * (fail closed); the failed recording's listener cuts the session meanwhile.
     */
    void record(String line) throws IOException {
        try {
            session.recording().output((printable(line) + "\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (RecordingFailedException e) {
            throw new IOException("the session can no longer be recorded", e);
        }
    }

    /** Audits and transcribes a refused operation; the transcript line is best effort (the refusal is not). */
    void refused(String operation, String path, String reason) {
        session.audit(AuditEventType.FILE_OPERATION_REFUSED, subject(), Map.of("operation", operation,
                "path", shortened(path), "reason", reason));
        recordQuietly("DENIED " + operation + " " + path + ": " + reason);
    }

    /** Audits a change the conduit allowed and the asset made (upload direction: mkdir, remove, rename ...). */
    void changed(String operation, String path, String target) {
        Map<String, Object> details = new HashMap<>(Map.of("operation", operation, "path", shortened(path)));
        if (target != null) {
            details.put("target", shortened(target));
        }
        session.audit(AuditEventType.FILE_CHANGE, subject(), details);
    }

    /** Transcribes an operation the asset refused or that broke off. */
    void failed(String operation, String path, Exception failure) {
        recordQuietly("  failed: " + operation + " " + path + " (" + failure.getClass().getSimpleName() + ")");
    }

    /** Audits and transcribes one finished transfer. */
    void transferred(Transfer.Summary transfer) {
        Map<String, Object> details = new HashMap<>(Map.of("direction", transfer.direction().name(),
                "path", shortened(transfer.path()), "size", transfer.size(), "sha256", transfer.sha256(),
                "sequential", transfer.sequential(), "complete", transfer.complete()));
        if (transfer.keptAs() != null) {
            details.put("kept", transfer.keptAs());
        }
        session.audit(AuditEventType.FILE_TRANSFER, subject(), details);
        recordQuietly("  " + transfer.direction().name().toLowerCase() + " of " + transfer.path() + ": "
                + transfer.size() + " bytes, sha256 " + transfer.sha256()
                + (transfer.complete() ? "" : ", INCOMPLETE") + (transfer.keptAs() != null ? ", kept" : ""));
    }

    private void recordQuietly(String line) {
        try {
            record(line);
        } catch (IOException e) {
            // The recording failed and its listener cuts the session; the audit event stands.
        }
    }

    private String subject() {
        return "session/" + session.id();
    }

    private static String shortened(String path) {
        return path.length() > MAX_PATH_CHARS ? path.substring(0, MAX_PATH_CHARS) : path;
    }

    /**
     * {@code text} with control and bidi characters replaced. Why: names come from the client and the asset;
     * an escape sequence in a file name must not drive the terminal of whoever replays the recording.
     */
    static String printable(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        shortened(text).codePoints().forEach(c -> clean.appendCodePoint(isUnsafe(c) ? '?' : c));
        return clean.toString();
    }

    private static boolean isUnsafe(int c) {
        return Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}
