package io.otbroker.recorder.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.atomic.AtomicLong;

/** A channel that fails with an I/O error once a shared byte budget is used up: a disk that breaks. */
final class FailingChannel extends DelegatingChannel {

    private final AtomicLong budget;

    FailingChannel(SeekableByteChannel delegate, AtomicLong budget) {
        super(delegate);
        this.budget = budget;
    }

    /** An opener whose channels together accept {@code bytes} bytes, then throw. */
    static ChannelOpener failingAfter(long bytes) {
        AtomicLong budget = new AtomicLong(bytes);
        return (path, options) -> new FailingChannel(ChannelOpener.FILES.open(path, options), budget);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        if (budget.addAndGet(-source.remaining()) < 0) {
            throw new IOException("injected I/O error");
        }
        return super.write(source);
    }
}
