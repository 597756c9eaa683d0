package io.otbroker.recording;

import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.guac.GuacInstruction;
import io.otbroker.recorder.guac.GuacWriter;
import io.otbroker.session.LiveSession;
import io.otbroker.session.SessionHistory;
import io.otbroker.session.SessionTraffic;
import io.otbroker.session.SupervisionGate;
import io.otbroker.session.Watchers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A remote desktop session recorded the way a relay records one — a Guacamole recording in the broker's store and
 * its history row, opened, ended and verified — from a short scripted stream: a 640×480 screen filled red, then
 * its left half blue 1.5 s later, then nothing until 3 s. No desktop relay exists yet; this is what it will write.
 */
@ApplicationScoped
public class DesktopRecordings {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;

    @Inject
    SessionRecordings recordings;

    @Inject
    SessionHistory history;

    @Inject
    RecordingVerification verification;

    @Inject
    Clock clock;

    /** Records and ends a session of {@code vendor} on {@code asset} over {@code protocol}; returns its id. */
    public UUID record(String vendor, String asset, String protocol) {
        UUID id = UUID.randomUUID();
        GuacWriter recording = recordings.startDesktop(new RecordingId(id), 0, vendor, asset, (failed, why) -> { });
        Instant now = clock.instant();
        LiveSession live = new LiveSession(id, 0, vendor, asset, protocol, now, now.plusSeconds(3600), (reason) -> { },
                new SessionTraffic(), new Watchers(now, clock, 80, 24, vendor + " on " + asset, Map.of(),
                        new SupervisionGate(false, clock)));
        history.opened(live);
        long start = 1_700_000_000_000L;
        recording.write(GuacInstruction.of("size", "0", String.valueOf(WIDTH), String.valueOf(HEIGHT)));
        fill(recording, 0, WIDTH, "255", "0");
        recording.write(GuacInstruction.of("sync", String.valueOf(start)));
        fill(recording, 0, WIDTH / 2, "0", "255");
        recording.write(GuacInstruction.of("sync", String.valueOf(start + 1500)));
        recording.write(GuacInstruction.of("sync", String.valueOf(start + 3000)));
        String state = recording.close().state().name();
        history.ended(live, 0, "vendor disconnected", state);
        verification.verifyNow(id);
        return id;
    }

    /** Paints columns [x, x + width) of the screen in the colour (red, 0, blue). */
    private static void fill(GuacWriter recording, int x, int width, String red, String blue) {
        recording.write(GuacInstruction.of("rect", "0", String.valueOf(x), "0", String.valueOf(width),
                String.valueOf(HEIGHT)));
        recording.write(GuacInstruction.of("cfill", "14", "0", red, "0", blue, "255"));
    }
}
