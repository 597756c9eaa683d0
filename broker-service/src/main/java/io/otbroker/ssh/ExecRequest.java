package io.otbroker.ssh;

import java.util.Set;

/**
 * A command the vendor asked to run without a shell, as the broker judges it. Why some programs are never
 * relayed as plain commands: they move files (legacy {@code scp -O} runs {@code scp -t} or {@code scp -f} on
 * the asset; {@code sftp-server} and {@code rsync --server} speak their own transfer protocols), and file
 * transfers must pass the SFTP relay, which enforces the conduit's directions and audits every file.
 *
 * @param command the command line the client sent
 */
record ExecRequest(String command) {

    private static final Set<String> FILE_TRANSFER_PROGRAMS = Set.of("scp", "sftp-server", "internal-sftp");
    private static final int MAX_PROGRAM_CHARS = 64;

    /** Whether the command would move files past the SFTP relay. */
    boolean isFileTransfer() {
        String program = program();
        return FILE_TRANSFER_PROGRAMS.contains(program)
                || program.equals("rsync") && command.contains("--server");
    }

    /**
     * The program's name without its directory, shortened: what the audit log names. Why not the whole
     * command line: its arguments may carry secrets, and the relayed session's recording holds it anyway.
     */
    String program() {
        String first = command.strip().split("\\s+", 2)[0];
        String name = first.substring(first.lastIndexOf('/') + 1);
        return name.length() > MAX_PROGRAM_CHARS ? name.substring(0, MAX_PROGRAM_CHARS) : name;
    }
}
