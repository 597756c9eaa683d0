package io.otbroker.ssh;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Answers the front door's one-time connect code prompt for the real OpenSSH client, as a person would type
 * it: an askpass program that notes each prompt shown and answers with the code.
 *
 * @param program the askpass program
 * @param prompts where the prompts it was shown are noted
 */
record CodeTypist(Path program, Path prompts) {

    /** What ssh needs to answer the prompt: interaction allowed, the code prompt tried once. */
    static final List<String> OPTIONS = List.of("-o", "BatchMode=no", "-o", "KbdInteractiveAuthentication=yes",
            "-o", "NumberOfPasswordPrompts=1");

    /** A typist under {@code directory} answering {@code answer}. */
    static CodeTypist typing(Path directory, String answer) throws IOException {
        Path home = Files.createTempDirectory(directory, "askpass");
        Path prompts = home.resolve("prompts");
        Files.writeString(prompts, "");
        Files.writeString(home.resolve("answer"), answer + "\n");
        Path program = home.resolve("askpass");
        Files.writeString(program, "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" + prompts + "'\ncat '"
                + home.resolve("answer") + "'\n");
        assertTrue(program.toFile().setExecutable(true));
        return new CodeTypist(program, prompts);
    }

    /** The environment that makes ssh ask this typist. */
    Map<String, String> environment() {
        return Map.of("SSH_ASKPASS", program.toString(), "SSH_ASKPASS_REQUIRE", "force");
    }

    /** The prompts ssh showed, one a line. */
    String promptsShown() throws IOException {
        return Files.readString(prompts);
    }
}
