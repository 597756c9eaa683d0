package io.otbroker.terminal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a terminal's output bytes into text as they arrive. Why incremental: a read may end inside a
 * multibyte character (é, ─, emoji); its first bytes wait here for the rest instead of becoming two
 * replacement characters. Bytes that are no UTF-8 at all become U+FFFD, as a terminal shows them.
 */
final class Utf8Text {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    /** The text of {@code bytes[0..length)} after what was left over; an unfinished character waits. */
    String decode(byte[] bytes, int length) {
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + length);
        in.put(pending).put(bytes, 0, length).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        // At most three bytes stay: the start of a character whose rest has not come yet.
        pending = in.slice();
        return out.flip().toString();
    }

    /** What is left at the end of the stream: an unfinished character shows as U+FFFD. */
    String finish() {
        CharBuffer out = CharBuffer.allocate(pending.remaining() + 1);
        decoder.decode(pending, out, true);
        decoder.flush(out);
        pending = ByteBuffer.allocate(0);
        return out.flip().toString();
    }
}
