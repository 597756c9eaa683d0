package io.otbroker.ssh;

import io.otbroker.recorder.RecordingFailedException;
import io.otbroker.recorder.asciicast.AsciicastWriter;
import io.otbroker.session.LiveSession;
import io.otbroker.session.SupervisionGate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.server.channel.ChannelDataReceiver;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * What the vendor sends, on its way to the asset: recorded, shown to watchers, counted, then written to the
 * asset's channel. Each chunk is handled where MINA hands it over, on the vendor connection's I/O thread,
 * when the asset cannot hold it up: the session is live, unsupervised, nothing waits before the chunk, and
 * the asset's window has room for it. (A recording whose queue is full may hold it up to its wait, as it
 * holds the asset's output on the other leg.) Why: handing every keystroke to a thread of its own cost a
 * thread wake-up per keystroke, most of the broker's share of the echo's round trip.
 *
 * <p>Otherwise the chunk queues, in order, and a virtual thread writes the queue (waiting for the asset's
 * window, and in supervised zones holding what is typed while no operator watches). A queued chunk is not
 * consumed yet: the vendor's window is refilled only once it has reached the asset, so a vendor who types
 * (or uploads) faster than the asset takes it is held back by SSH's own flow control, never by a buffer
 * here that grows. The vendor's end of input reaches the asset after everything sent before it.
 */
final class VendorInput implements ChannelDataReceiver {

    /** A queued chunk; {@code windowHeld}: the vendor's window is refilled for it once it is written. */
    private record Pending(byte[] bytes, boolean windowHeld) {}

    private final ChannelSession vendor;
    private final String name;
    private final Queue<Pending> queued = new ArrayDeque<>();
    private AsciicastWriter recording;
    private LiveSession live;
    private SupervisionGate gate;
    private ClientChannel asset;
    private OutputStream toAsset;
    private boolean pumping;
    private boolean endOfInput;
    private boolean ended;

    VendorInput(ChannelSession vendor, String name) {
        this.vendor = vendor;
        this.name = name;
    }

    /**
     * Takes over the vendor's input from MINA's pipe; what the client sent before its shell or exec request
     * already sits in the pipe and is queued first.
     */
    static VendorInput takeOver(ChannelSession vendor, InputStream pipe, String name) throws IOException {
        VendorInput input = new VendorInput(vendor, name);
        vendor.setDataReceiver(input);
        int early = pipe.available();
        if (early > 0) {
            // Reading from the pipe has refilled the vendor's window for these bytes already.
            input.queued.add(new Pending(pipe.readNBytes(early), false));
        }
        return input;
    }

    /** The session reached the asset: what was queued goes first, then everything as it comes. */
    synchronized void connect(AsciicastWriter recording, LiveSession live, ClientChannel asset) {
        this.recording = recording;
        this.live = live;
        this.gate = live.watchers().gate();
        this.asset = asset;
        this.toAsset = asset.getInvertedIn();
        if (!queued.isEmpty() || endOfInput) {
            startPump();
        }
    }

    @Override
    public synchronized int data(ChannelSession channel, byte[] bytes, int offset, int length) {
        if (ended) {
            return length;
        }
        if (toAsset == null || pumping || gate.required() || asset.getRemoteWindow().getSize() < length) {
            queued.add(new Pending(Arrays.copyOfRange(bytes, offset, offset + length), true));
            if (toAsset != null && !pumping) {
                startPump();
            }
            return 0;
        }
        forward(bytes, offset, length);
        return length;
    }

    /** The vendor's end of input (or its channel closing): passed on once everything before it is written. */
    @Override
    public synchronized void close() {
        endOfInput = true;
        if (toAsset != null && !pumping) {
            closeAssetInput();
        }
    }

    /** The session ended: nothing more is passed on, and the queue's thread stops. */
    synchronized void end() {
        ended = true;
        queued.clear();
    }

    private void startPump() {
        pumping = true;
        Thread.ofVirtual().name("otbroker-ssh-input-" + name).start(this::pump);
    }

    /** Writes the queue, in order, blocking as the asset's window and the supervision demand; then hands back. */
    private void pump() {
        while (true) {
            Pending chunk;
            synchronized (this) {
                chunk = queued.poll();
                if (chunk == null || ended) {
                    pumping = false;
                    if (endOfInput && !ended) {
                        closeAssetInput();
                    }
                    return;
                }
            }
            // Why here: in a supervised zone nothing typed reaches the asset while no operator watches.
            if (!gate.holdWhileUnwatched()) {
                return;
            }
            forward(chunk.bytes(), 0, chunk.bytes().length);
            try {
                if (chunk.windowHeld()) {
                    vendor.getLocalWindow().release(chunk.bytes().length);
                }
            } catch (IOException e) {
                return; // the vendor's channel is closing
            }
        }
    }

    /** Records the bytes, shows them to watchers, counts and writes them; the recording first, so nothing passes unrecorded. */
    private void forward(byte[] bytes, int offset, int length) {
        try {
            recording.input(bytes, offset, length);
            live.watchers().input(bytes, offset, length);
            live.traffic().sentToAsset(length);
            toAsset.write(bytes, offset, length);
            toAsset.flush();
        } catch (IOException | RecordingFailedException e) {
            // The session is ending: the asset closed, or the recording failed (its listener cuts the session).
        }
    }

    private void closeAssetInput() {
        try {
            toAsset.close();
        } catch (IOException e) {
            // The asset's channel is already closing.
        }
    }
}
