package io.otbroker.ssh;

import io.otbroker.session.SupervisionGate;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The supervision side of one relayed session in a supervised zone (SL4): waits, telling the vendor, until
 * an operator watches; afterwards, whenever the last operator stops watching, tells the vendor that input is
 * held (the relay holds it at the gate) and cuts the session if no operator watches again in time.
 */
final class RelaySupervision {

    private static final String WAITING = "This zone needs an operator watching every session: waiting for one. "
            + "The session starts as soon as an operator watches.";
    private static final String HELD = "No operator is watching any more: what you type is held until one "
            + "watches again.";

    private final SupervisionGate gate;
    private final Duration longest;
    private final Duration remindEvery;
    private final Consumer<String> tell;
    private final Consumer<String> cut;

    /**
     * @param tell tells the vendor (and records it)
     * @param cut  ends the session with a message
     */
    RelaySupervision(Relays relays, SupervisionGate gate, Consumer<String> tell, Consumer<String> cut) {
        this.gate = gate;
        this.longest = relays.supervisionWait;
        this.remindEvery = relays.supervisionReminder;
        this.tell = tell;
        this.cut = cut;
    }

    /** Blocks until an operator watches (true), or the session is cut: no operator in time, or it ended. */
    boolean awaitFirstOperator() {
        tell.accept(WAITING);
        SupervisionGate.Outcome outcome = gate.await(longest, remindEvery, () -> tell.accept(WAITING));
        if (outcome == SupervisionGate.Outcome.TIMED_OUT) {
            cut.accept("No operator watched within " + minutes(longest) + ": the session ends.");
        }
        gate.onLost(this::lost);
        if (outcome == SupervisionGate.Outcome.WATCHED && gate.state() != SupervisionGate.State.SUPERVISED) {
            // The operator left before the listener was in place: hold input and wait as for any later loss.
            lost();
        }
        return outcome == SupervisionGate.Outcome.WATCHED;
    }

    /** Called on the leaving watcher's thread: the wait for the next operator runs on a thread of its own. */
    private void lost() {
        Thread.ofVirtual().name("otbroker-ssh-unsupervised").start(() -> {
            tell.accept(HELD);
            SupervisionGate.Outcome outcome = gate.await(longest, remindEvery, () -> tell.accept(HELD));
            if (outcome == SupervisionGate.Outcome.TIMED_OUT) {
                cut.accept("No operator watched for " + minutes(longest) + ": the session ends.");
            } else if (outcome == SupervisionGate.Outcome.WATCHED) {
                tell.accept("An operator is watching again: what you type goes through.");
            }
        });
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() == 1 ? "1 minute" : duration.toMinutes() + " minutes";
    }
}
