package io.otbroker.session;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One direction of a terminal's bytes as text, chunk by chunk (for watchers and the browser terminal). Why
 * incremental: a read may end inside a multibyte character (é, ─, emoji); its first bytes wait here for the
 * rest instead of becoming two replacement characters. Bytes that are no UTF-8 show as U+FFFD, as terminals
 * show them.
 */
public final class TerminalText {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    /** The text of {@code chunk} and of what an earlier chunk left incomplete. */
    public String next(byte[] chunk) {
        return next(chunk, chunk.length);
    }

    /** The text of {@code chunk[0..length)} and of what an earlier chunk left incomplete. */
    public String next(byte[] chunk, int length) {
        ByteBuffer bytes = ByteBuffer.allocate(pending.remaining() + length).put(pending).put(chunk, 0, length).flip();
        CharBuffer text = CharBuffer.allocate(bytes.remaining() + 1);
        decoder.decode(bytes, text, false);
        // At most three bytes stay: the start of a character whose rest has not come yet.
        pending = bytes.slice();
        return text.flip().toString();
    }

    /** What is left at the end of the stream: an unfinished character shows as U+FFFD. */
    public String finish() {
        CharBuffer text = CharBuffer.allocate(pending.remaining() + 1);
        decoder.decode(pending, text, true);
        decoder.flush(text);
        pending = ByteBuffer.allocate(0);
        return text.flip().toString();
    }
}
