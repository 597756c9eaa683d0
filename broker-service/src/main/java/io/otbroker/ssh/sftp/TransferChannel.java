package io.otbroker.ssh.sftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A file open on the asset as the SFTP relay hands it to MINA's SFTP server: every byte read from it is a
 * download, every byte written to it an upload, each noted by its {@link Transfer} before it passes on. On
 * close each direction the handle was opened for is audited, also when it moved no byte (an empty file).
 */
final class TransferChannel implements SeekableByteChannel {

    private final SeekableByteChannel asset;
    private final Transfer upload;
    private final Transfer download;
    private final SftpTrail trail;
    private boolean closed;

    /** {@code upload}/{@code download} are null for a direction the handle was not opened for. */
    TransferChannel(SeekableByteChannel asset, Transfer upload, Transfer download, SftpTrail trail) {
        this.asset = asset;
        this.upload = upload;
        this.download = download;
        this.trail = trail;
    }

    @Override
    public synchronized int read(ByteBuffer destination) throws IOException {
        if (download == null) {
            throw new IOException("not opened for reading");
        }
        long offset = asset.position();
        int start = destination.position();
        int read;
        try {
            read = asset.read(destination);
        } catch (IOException e) {
            download.broken();
            throw e;
        }
        if (read > 0) {
            // The bytes reach the vendor only after this returns: kept and hashed first.
            download.passing(offset, destination.duplicate().position(start).limit(start + read));
        }
        return read;
    }

    @Override
    public synchronized int write(ByteBuffer source) throws IOException {
        if (upload == null) {
            throw new IOException("not opened for writing");
        }
        int length = source.remaining();
        upload.passing(asset.position(), source);
        try {
            while (source.hasRemaining()) {
                asset.write(source);
            }
        } catch (IOException e) {
            upload.broken();
            throw e;
        }
        return length;
    }

    @Override
    public synchronized long position() throws IOException {
        return asset.position();
    }

    @Override
    public synchronized SeekableByteChannel position(long newPosition) throws IOException {
        asset.position(newPosition);
        return this;
    }

    @Override
    public synchronized long size() throws IOException {
        return asset.size();
    }

    @Override
    public synchronized SeekableByteChannel truncate(long size) throws IOException {
        if (upload == null) {
            throw new IOException("not opened for writing");
        }
        asset.truncate(size);
        return this;
    }

    @Override
    public synchronized boolean isOpen() {
        return !closed && asset.isOpen();
    }

    /** Closes the asset's file, then audits each direction; the first failure is reported after all of it. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        List<IOException> failures = new ArrayList<>();
        try {
            asset.close();
        } catch (IOException e) {
            failures.add(e);
            if (upload != null) {
                upload.broken();
            }
        }
        for (Transfer transfer : directions()) {
            try {
                transfer.finish(trail::transferred);
            } catch (IOException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }

    private List<Transfer> directions() {
        List<Transfer> opened = new ArrayList<>(2);
        if (upload != null) {
            opened.add(upload);
        }
        if (download != null) {
            opened.add(download);
        }
        return opened;
    }
}
