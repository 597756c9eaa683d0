package io.otbroker.ssh.sftp;

import io.otbroker.policy.SessionRules;
import io.otbroker.ssh.sftp.Transfer.Direction;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Principal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * The policy enforcement point of one SFTP session, where MINA's SFTP server touches the asset's files:
 * writing, creating, renaming, removing, linking and changing attributes need the conduit's upload
 * direction, reading file content its download direction; listing and reading attributes need neither.
 * A refused operation answers the client "permission denied" and is audited; every other change and
 * transfer is recorded in the transcript first (fail closed) and audited. Every method of MINA's accessor
 * that writes is overridden here; one a later MINA version adds would pass unchecked, so an upgrade of
 * sshd-sftp must review this list.
 */
final class TransferGuard implements SftpFileSystemAccessor {

    private static final Set<StandardOpenOption> WRITING = EnumSet.of(StandardOpenOption.WRITE,
            StandardOpenOption.APPEND, StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.TRUNCATE_EXISTING);

    private final SessionRules rules;
    private final SftpTrail trail;
    private final KeptFiles kept;
    private final UUID sessionId;

    TransferGuard(SessionRules rules, SftpTrail trail, KeptFiles kept, UUID sessionId) {
        this.rules = rules;
        this.trail = trail;
        this.kept = kept;
        this.sessionId = sessionId;
    }

    @Override
    public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file, String handle,
            Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        if (fileHandle == null) {
            return openedByTheServer(subsystem, file, handle, options, attrs);
        }
        boolean writes = options.stream().anyMatch(WRITING::contains);
        // Without an explicit direction a channel opens for reading (java.nio's default).
        boolean reads = options.contains(StandardOpenOption.READ) || !writes;
        String path = file.toString();
        if (writes) {
            require(rules.uploadAllowed(), "write", path, "the conduit allows no upload");
        }
        if (reads) {
            require(rules.downloadAllowed(), "read", path, "the conduit allows no download");
        }
        trail.record((writes ? "put " : "get ") + path);
        Transfer upload = null;
        Transfer download = null;
        try {
            upload = writes ? transfer(Direction.UPLOAD, path) : null;
            download = reads ? transfer(Direction.DOWNLOAD, path) : null;
            SeekableByteChannel asset = perform("open", path, () -> SftpFileSystemAccessor.super.openFile(subsystem,
                    fileHandle, file, handle, options, attrs));
            return new TransferChannel(asset, upload, download, trail);
        } catch (IOException | RuntimeException e) {
            abandon(upload);
            abandon(download);
            throw e;
        }
    }

    /**
     * MINA opens a file without a client handle for two things: to set its size (truncate, a change) and to
     * hash its content for the {@code check-file}/{@code md5-hash} extensions. No content reaches the vendor
     * then, but a hash confirms a guessed content, so it needs the download direction like reading.
     */
    private SeekableByteChannel openedByTheServer(SftpSubsystemProxy subsystem, Path file, String handle,
            Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        IoCall<SeekableByteChannel> open = () -> SftpFileSystemAccessor.super.openFile(subsystem, null, file, handle,
                options, attrs);
        if (options.stream().anyMatch(WRITING::contains)) {
            return changing("truncate", file, null, open);
        }
        String path = file.toString();
        require(rules.downloadAllowed(), "hash", path, "the conduit allows no download");
        trail.record("hash " + path);
        return perform("hash", path, open);
    }

    @Override
    public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
        change("mkdir", path, null, () -> SftpFileSystemAccessor.super.createDirectory(subsystem, path));
    }

    @Override
    public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory) throws IOException {
        change(isDirectory ? "rmdir" : "remove", path, null,
                () -> SftpFileSystemAccessor.super.removeFile(subsystem, path, isDirectory));
    }

    @Override
    public void renameFile(SftpSubsystemProxy subsystem, Path oldPath, Path newPath, Collection<CopyOption> opts)
            throws IOException {
        change("rename", oldPath, newPath, () -> SftpFileSystemAccessor.super.renameFile(subsystem, oldPath, newPath,
                opts));
    }

    @Override
    public void copyFile(SftpSubsystemProxy subsystem, Path src, Path dst, Collection<CopyOption> opts)
            throws IOException {
        change("copy", src, dst, () -> SftpFileSystemAccessor.super.copyFile(subsystem, src, dst, opts));
    }

    @Override
    public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink)
            throws IOException {
        change(symLink ? "symlink" : "link", link, existing,
                () -> SftpFileSystemAccessor.super.createLink(subsystem, link, existing, symLink));
    }

    @Override
    public void setFileAttribute(SftpSubsystemProxy subsystem, Path file, String view, String attribute,
            Object value, LinkOption... options) throws IOException {
        change("setattr " + attribute, file, null, () -> SftpFileSystemAccessor.super.setFileAttribute(subsystem,
                file, view, attribute, value, options));
    }

    @Override
    public void setFileOwner(SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options)
            throws IOException {
        change("chown", file, null, () -> SftpFileSystemAccessor.super.setFileOwner(subsystem, file, value, options));
    }

    @Override
    public void setGroupOwner(SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options)
            throws IOException {
        change("chgrp", file, null, () -> SftpFileSystemAccessor.super.setGroupOwner(subsystem, file, value, options));
    }

    @Override
    public void setFilePermissions(SftpSubsystemProxy subsystem, Path file, Set<PosixFilePermission> perms,
            LinkOption... options) throws IOException {
        change("chmod", file, null, () -> SftpFileSystemAccessor.super.setFilePermissions(subsystem, file, perms,
                options));
    }

    @Override
    public void setFileAccessControl(SftpSubsystemProxy subsystem, Path file, List<AclEntry> acl,
            LinkOption... options) throws IOException {
        change("setacl", file, null, () -> SftpFileSystemAccessor.super.setFileAccessControl(subsystem, file, acl,
                options));
    }

    @Override
    public void applyExtensionFileAttributes(SftpSubsystemProxy subsystem, Path file, Map<String, byte[]> extensions,
            LinkOption... options) throws IOException {
        change("setattr extended", file, null, () -> SftpFileSystemAccessor.super.applyExtensionFileAttributes(
                subsystem, file, extensions, options));
    }

    private void change(String operation, Path path, Path target, IoAction action) throws IOException {
        changing(operation, path, target, () -> {
            action.run();
            return null;
        });
    }

    /** A change on the asset (upload direction): refused, or transcribed, made and audited. */
    private <T> T changing(String operation, Path path, Path target, IoCall<T> call) throws IOException {
        String described = path + (target == null ? "" : " -> " + target);
        require(rules.uploadAllowed(), operation, described, "the conduit allows no upload");
        trail.record(operation + " " + described);
        T result = perform(operation, described, call);
        trail.changed(operation, path.toString(), target == null ? null : target.toString());
        return result;
    }

    private Transfer transfer(Direction direction, String path) throws IOException {
        try {
            return new Transfer(direction, path, rules.keepTransferredFiles() ? kept.open(sessionId) : null);
        } catch (IOException e) {
            // Fail closed: a transfer whose content must be kept does not start unless it can be.
            trail.refused(direction == Direction.UPLOAD ? "write" : "read", path, "the content cannot be kept");
            throw new IOException("the transferred content cannot be kept", e);
        }
    }

    private static void abandon(Transfer transfer) {
        if (transfer != null) {
            transfer.abandon();
        }
    }

    private void require(boolean allowed, String operation, String path, String reason) throws AccessDeniedException {
        if (!allowed) {
            trail.refused(operation, path, reason);
            throw new AccessDeniedException(path, null, "not allowed through this asset's conduit");
        }
    }

    private <T> T perform(String operation, String path, IoCall<T> call) throws IOException {
        try {
            return call.call();
        } catch (IOException | RuntimeException e) {
            trail.failed(operation, path, e);
            throw e;
        }
    }

    /** An operation on the asset's files. */
    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    /** An operation on the asset's files with a result. */
    @FunctionalInterface
    private interface IoCall<T> {
        T call() throws IOException;
    }
}
