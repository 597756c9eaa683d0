package io.otbroker.session;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One direction of a terminal's bytes as text for watchers, chunk by chunk: a character split across two
 * chunks waits for its rest; bytes that are no UTF-8 show as U+FFFD, as terminals show them.
 */
final class TerminalText {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    /** The text of {@code chunk} and of what an earlier chunk left incomplete. */
    String next(byte[] chunk) {
        ByteBuffer bytes = ByteBuffer.allocate(pending.remaining() + chunk.length).put(pending).put(chunk).flip();
        CharBuffer text = CharBuffer.allocate(bytes.remaining() + 1);
        decoder.decode(bytes, text, false);
        pending = bytes.slice();
        return text.flip().toString();
    }
}
