package io.otbroker.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.recorder.asciicast.AsciicastEvent;
import io.otbroker.recorder.asciicast.AsciicastHeader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What watchers are sent, and that none of them can hold up the session. */
class WatchersTest {

    private final Instant started = Instant.now();
    private final Watchers watchers = new Watchers(started, Clock.systemUTC(), 80, 24, "alice on plc-7",
            Map.of("TERM", "xterm"), new SupervisionGate(false, Clock.systemUTC()));

    @Test
    void aWatcherGetsTheHeaderWithTheCurrentSizeThenEventsInOrder() throws Exception {
        watchers.resize(132, 43);
        CollectingSink sink = new CollectingSink();
        watchers.join(new Watcher("oscar", true, sink, 1 << 20, (watcher, lost) -> { }));

        watchers.output("hé".getBytes(StandardCharsets.UTF_8));
        byte[] split = "€".getBytes(StandardCharsets.UTF_8);
        watchers.input(new byte[] {split[0]});
        watchers.input(new byte[] {split[1], split[2]});
        watchers.resize(100, 30);
        watchers.notice("otbroker: bye\r\n");

        AsciicastHeader header = AsciicastHeader.parse(sink.next());
        assertEquals(132, header.width());
        assertEquals(43, header.height());
        assertEquals(started.getEpochSecond(), header.timestamp());
        assertEquals(new Event(AsciicastEvent.Type.OUTPUT, "hé"), Event.of(sink.next()));
        assertEquals(new Event(AsciicastEvent.Type.INPUT, "€"), Event.of(sink.next()), "a split character comes whole");
        assertEquals(new Event(AsciicastEvent.Type.RESIZE, "100x30"), Event.of(sink.next()));
        assertEquals(new Event(AsciicastEvent.Type.OUTPUT, "otbroker: bye\r\n"), Event.of(sink.next()));
        assertEquals(List.of("oscar"), watchers.names());
    }

    @Test
    void aWatcherJoiningMidSessionFirstGetsTheScreenSoFarThenOnlyWhatFollows() throws Exception {
        byte[] banner = "welcome\r\nalice@plc-7:~$ ".getBytes(StandardCharsets.UTF_8);
        watchers.output(banner, 0, banner.length);
        watchers.notice("otbroker: the grant ends in 5 minutes\r\n");
        CollectingSink first = new CollectingSink();
        watchers.join(new Watcher("oscar", true, first, 1 << 20, (watcher, lost) -> { }));
        watchers.output("ls\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] flood = "y".repeat(3 * Watchers.SCREEN_TAIL).getBytes(StandardCharsets.UTF_8);
        watchers.output(flood);
        CollectingSink late = new CollectingSink();
        watchers.join(new Watcher("olivia", true, late, 1 << 20, (watcher, lost) -> { }));
        watchers.output("done".getBytes(StandardCharsets.UTF_8));

        AsciicastHeader.parse(first.next());
        assertEquals(new Event(AsciicastEvent.Type.OUTPUT,
                "welcome\r\nalice@plc-7:~$ otbroker: the grant ends in 5 minutes\r\n"), Event.of(first.next()),
                "the screen so far, with the broker's own lines, as one event");
        assertEquals(new Event(AsciicastEvent.Type.OUTPUT, "ls\r\n"), Event.of(first.next()), "then what follows");

        AsciicastHeader.parse(late.next());
        assertEquals(new Event(AsciicastEvent.Type.OUTPUT, "y".repeat(Watchers.SCREEN_TAIL)), Event.of(late.next()),
                "only the last bytes of a long session");
        assertEquals(new Event(AsciicastEvent.Type.OUTPUT, "done"), Event.of(late.next()), "nothing twice");
    }

    @Test
    void aWatcherOfASessionThatShowedNothingYetGetsOnlyTheHeader() throws Exception {
        CollectingSink sink = new CollectingSink();
        watchers.join(new Watcher("oscar", true, sink, 1 << 20, (watcher, lost) -> { }));
        watchers.output("first".getBytes(StandardCharsets.UTF_8));
        AsciicastHeader.parse(sink.next());
        assertEquals(new Event(AsciicastEvent.Type.OUTPUT, "first"), Event.of(sink.next()));
    }

    @Test
    void aWatcherThatFallsBehindIsDroppedWithoutHoldingUpTheSession() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean dropped = new AtomicBoolean();
        Watcher.Sink stuck = new Watcher.Sink() {
            @Override
            public void send(String line) throws InterruptedException {
                release.await();
            }

            @Override
            public void close(String reason) {
                release.countDown();
            }
        };
        watchers.join(new Watcher("olivia", true, stuck, 4096, (watcher, lost) -> dropped.set(true)));
        CollectingSink fast = new CollectingSink();
        watchers.join(new Watcher("audrey", false, fast, 1 << 20, (watcher, lost) -> { }));

        byte[] kilobyte = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 100; i++) {
            watchers.output(kilobyte);
        }

        assertTrue(dropped.get(), "the stuck watcher was dropped");
        assertEquals(List.of("audrey"), watchers.names());
        fast.next();
        for (int i = 0; i < 100; i++) {
            assertEquals(kilobyte.length, Event.of(fast.next()).data().length(), "the others get everything");
        }
    }

    @Test
    void onlyOperatorsSuperviseAndTheLastOneLeavingIsTold() {
        SupervisionGate gate = new SupervisionGate(true, Clock.systemUTC());
        Watchers supervised = new Watchers(started, Clock.systemUTC(), 80, 24, "t", Map.of(), gate);
        AtomicBoolean lost = new AtomicBoolean();
        gate.onLost(() -> lost.set(true));

        Watcher auditor = new Watcher("audrey", false, new CollectingSink(), 1024, (watcher, gone) -> { });
        assertFalse(supervised.join(auditor));
        assertEquals(SupervisionGate.State.WAITING, gate.state());
        assertEquals(SupervisionGate.Outcome.TIMED_OUT, gate.await(Duration.ZERO, Duration.ofHours(1), () -> { }));

        Watcher operator = new Watcher("oscar", true, new CollectingSink(), 1024, (watcher, gone) -> { });
        assertTrue(supervised.join(operator), "the first operator makes the session supervised");
        assertEquals(SupervisionGate.Outcome.WATCHED, gate.await(Duration.ZERO, Duration.ofHours(1), () -> { }));
        assertTrue(gate.holdWhileUnwatched());

        assertTrue(supervised.leave(operator));
        assertTrue(lost.get(), "the relay is told when the last operator leaves");
        assertFalse(supervised.leave(auditor), "an auditor leaving changes nothing");
        supervised.close("the session ended");
        assertFalse(gate.holdWhileUnwatched(), "held input is released as closed when the session ends");
    }

    private record Event(AsciicastEvent.Type type, String data) {
        static Event of(String line) {
            AsciicastEvent event = AsciicastEvent.parse(line);
            return new Event(event.type(), event.data());
        }
    }

    private static final class CollectingSink implements Watcher.Sink {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        @Override
        public void send(String line) {
            lines.add(line);
        }

        @Override
        public void close(String reason) {
            // nothing to close
        }

        String next() throws InterruptedException {
            String line = lines.poll(5, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("nothing sent");
            }
            return line;
        }
    }
}
