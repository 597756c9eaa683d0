package io.otbroker.session;

import java.util.concurrent.atomic.AtomicLong;

/** Bytes a live session has carried to and from the asset: counted by its relay, shown to operators. */
public final class SessionTraffic {

    private final AtomicLong toAsset = new AtomicLong();
    private final AtomicLong fromAsset = new AtomicLong();

    /** The vendor sent {@code bytes} on to the asset. */
    public void sentToAsset(int bytes) {
        toAsset.addAndGet(bytes);
    }

    /** The asset sent {@code bytes} back to the vendor. */
    public void receivedFromAsset(int bytes) {
        fromAsset.addAndGet(bytes);
    }

    public long toAsset() {
        return toAsset.get();
    }

    public long fromAsset() {
        return fromAsset.get();
    }
}
