package io.otbroker.session;

import io.otbroker.recorder.asciicast.AsciicastEvent;
import io.otbroker.recorder.asciicast.AsciicastHeader;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Who watches one live session, and what they are sent: an asciicast v2 header (the terminal's current
 * size; the session's start as timestamp), then the screen so far (the last {@value #SCREEN_TAIL} bytes of
 * output, as one output event, when there are any), then every output, input, resize and broker notice as an
 * asciicast event line, timed from the session's start. The relay feeds it next to the recording.
 *
 * <p>Why it never blocks the relay: each line is offered to each watcher's own bounded queue; a watcher
 * whose queue is full is dropped, so the session never waits for anyone watching it.
 */
public final class Watchers {

    /** Bytes of recent output a joining watcher is sent first: enough for a full screen or two. */
    static final int SCREEN_TAIL = 16 * 1024;

    private final Instant started;
    private final InstantSource clock;
    private final String title;
    private final Map<String, String> env;
    private final SupervisionGate gate;
    private final Set<Watcher> watching = new CopyOnWriteArraySet<>();
    private final TerminalText outputText = new TerminalText();
    private final TerminalText inputText = new TerminalText();
    private final OutputTail tail = new OutputTail(SCREEN_TAIL);
    private int columns;
    private int rows;
    private long lastMicros;

    /**
     * @param started          the session's start; event times count from it
     * @param columns          the terminal's width now
     * @param rows             the terminal's height now
     * @param title            shown by players, e.g. "alice on historian-01"
     * @param env              e.g. TERM
     * @param gate             the session's supervision
     */
    public Watchers(Instant started, InstantSource clock, int columns, int rows, String title, Map<String, String> env,
            SupervisionGate gate) {
        this.started = started;
        this.clock = clock;
        this.columns = columns;
        this.rows = rows;
        this.title = title;
        this.env = Map.copyOf(env);
        this.gate = gate;
    }

    public SupervisionGate gate() {
        return gate;
    }

    /** The names of those watching now. */
    public List<String> names() {
        return watching.stream().map(Watcher::name).sorted().toList();
    }

    /** Adds a watcher, who gets the header and the screen so far first; true if it made a waiting session supervised. */
    public synchronized boolean join(Watcher watcher) {
        watcher.offer(new AsciicastHeader(columns, rows, started.getEpochSecond(), title, env).toJsonLine());
        String screen = tail.text();
        if (!screen.isEmpty()) {
            watcher.offer(new AsciicastEvent(elapsedMicros(), AsciicastEvent.Type.OUTPUT, screen).toJsonLine());
        }
        watching.add(watcher);
        watcher.start();
        return watcher.supervisor() && gate.supervisorJoined();
    }

    /** Removes a watcher (idempotent); true if the session thereby lost its last supervising operator. */
    public boolean leave(Watcher watcher) {
        return watching.remove(watcher) && watcher.supervisor() && gate.supervisorLeft();
    }

    /** Bytes the asset sent to the vendor. */
    public void output(byte[] chunk) {
        output(chunk, 0, chunk.length);
    }

    /**
     * Bytes the asset sent to the vendor: {@code bytes[offset, offset + length)}, kept in the screen tail and
     * decoded only if someone watches. Why under the lock: a joining watcher must get each byte exactly once,
     * in the screen so far or as a live event.
     */
    public synchronized void output(byte[] bytes, int offset, int length) {
        tail.append(bytes, offset, length);
        if (!watching.isEmpty()) {
            publish(AsciicastEvent.Type.OUTPUT, outputText, Arrays.copyOfRange(bytes, offset, offset + length));
        }
    }

    /** Bytes the vendor sent to the asset. */
    public void input(byte[] chunk) {
        input(chunk, 0, chunk.length);
    }

    /** Bytes the vendor sent to the asset: {@code bytes[offset, offset + length)}, copied only if someone watches. */
    public void input(byte[] bytes, int offset, int length) {
        if (!watching.isEmpty()) {
            publish(AsciicastEvent.Type.INPUT, inputText, Arrays.copyOfRange(bytes, offset, offset + length));
        }
    }

    /** The vendor's terminal changed size; later watchers get the new size in their header. */
    public synchronized void resize(int newColumns, int newRows) {
        columns = newColumns;
        rows = newRows;
        publish(AsciicastEvent.Type.RESIZE, columns + "x" + rows);
    }

    /** A line the broker itself shows the vendor, shown to watchers as output. */
    public synchronized void notice(String text) {
        tail.append(text);
        publish(AsciicastEvent.Type.OUTPUT, text);
    }

    /** The session ended: every watcher's stream closes with {@code reason}; waits for supervision end. */
    public void close(String reason) {
        gate.close();
        for (Watcher watcher : watching) {
            watching.remove(watcher);
            watcher.close(reason);
        }
    }

    private synchronized void publish(AsciicastEvent.Type type, TerminalText text, byte[] chunk) {
        publish(type, text.next(chunk));
    }

    private synchronized void publish(AsciicastEvent.Type type, String data) {
        if (data.isEmpty() || watching.isEmpty()) {
            return;
        }
        String line = new AsciicastEvent(elapsedMicros(), type, data).toJsonLine();
        for (Watcher watcher : watching) {
            if (!watcher.offer(line) && watching.remove(watcher)) {
                watcher.dropped(watcher.supervisor() && gate.supervisorLeft());
            }
        }
    }

    /** Microseconds since the session's start, never less than the previous event's. */
    private long elapsedMicros() {
        long now = Duration.between(started, clock.instant()).toNanos() / 1000;
        lastMicros = Math.max(lastMicros, now);
        return lastMicros;
    }
}
