package io.otbroker.recorder.asciicast;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes one byte stream (a terminal's output, or its input) chunk by chunk. A multi-byte character split
 * across two chunks is carried over and decoded whole with the next chunk, so no valid byte is lost or
 * mangled; bytes that are not UTF-8 at all become U+FFFD, as terminals and asciinema show them.
 */
final class Utf8StreamDecoder {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] carry = new byte[0];

    /** Decodes {@code chunk}, keeping an incomplete trailing character for the next call. */
    String decode(byte[] chunk) {
        ByteBuffer input = ByteBuffer.allocate(carry.length + chunk.length).put(carry).put(chunk).flip();
        CharBuffer output = CharBuffer.allocate(input.remaining() + 1);
        decoder.decode(input, output, false);
        carry = Arrays.copyOfRange(input.array(), input.position(), input.limit());
        return output.flip().toString();
    }

    /** Ends the stream: a dangling partial character becomes U+FFFD. */
    String finish() {
        ByteBuffer input = ByteBuffer.wrap(carry);
        CharBuffer output = CharBuffer.allocate(carry.length + 1);
        decoder.decode(input, output, true);
        decoder.flush(output);
        carry = new byte[0];
        decoder.reset();
        return output.flip().toString();
    }
}
