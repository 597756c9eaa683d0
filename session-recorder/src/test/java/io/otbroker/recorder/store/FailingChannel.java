package io.otbroker.recorder.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.atomic.AtomicLong;

/** A channel that fails with an I/O error once a shared byte budget is used up: a disk that breaks. */
final class FailingChannel implements SeekableByteChannel {

    private final SeekableByteChannel delegate;
    private final AtomicLong budget;

    FailingChannel(SeekableByteChannel delegate, AtomicLong budget) {
        this.delegate = delegate;
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
        return delegate.write(source);
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        return delegate.read(target);
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        delegate.truncate(size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
