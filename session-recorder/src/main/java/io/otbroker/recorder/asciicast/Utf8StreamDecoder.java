package io.otbroker.recorder.asciicast;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one byte stream (a terminal's output, or its input) chunk by chunk. A multi-byte character split
 * across two chunks is carried over and decoded whole with the next chunk, so no valid byte is lost or
 * mangled; bytes that are not UTF-8 at all become U+FFFD, as terminals and asciinema show them. Decoded
 * characters go to a {@link CharSink} in runs, through one small reused buffer; not thread-safe.
 */
final class Utf8StreamDecoder {

    private static final int RUN_CHARS = 8192;
    private static final int FIRST_RUN_CHARS = 64;
    private static final byte[] NOTHING = new byte[0];

    /** Takes decoded characters {@code chars[from, to)}; the array is reused after the call. */
    interface CharSink {
        void accept(char[] chars, int from, int to);
    }

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] carry = NOTHING;
    private CharBuffer run;

    /** Decodes {@code chunk} into {@code sink}, keeping an incomplete trailing character for the next call. */
    int decode(byte[] chunk, CharSink sink) {
        ByteBuffer input = carry.length == 0 ? ByteBuffer.wrap(chunk)
                : ByteBuffer.allocate(carry.length + chunk.length).put(carry).put(chunk).flip();
        int decoded = decodeAll(input, false, sink);
        carry = input.hasRemaining() ? copyRemaining(input) : NOTHING;
        return decoded;
    }

    /** Whether the last chunk ended inside a character, whose rest the next chunk must bring. */
    boolean midCharacter() {
        return carry.length > 0;
    }

    /** Ends the stream: a dangling partial character becomes U+FFFD. */
    int finish(CharSink sink) {
        int decoded = decodeAll(ByteBuffer.wrap(carry), true, sink);
        while (decoder.flush(run(1)).isOverflow()) {
            decoded += hand(sink);
        }
        decoded += hand(sink);
        carry = NOTHING;
        decoder.reset();
        return decoded;
    }

    /** Decodes what {@code input} holds, a run at a time; returns how many characters went to {@code sink}. */
    private int decodeAll(ByteBuffer input, boolean endOfInput, CharSink sink) {
        int decoded = 0;
        CoderResult result;
        do {
            result = decoder.decode(input, run(input.remaining()), endOfInput);
            decoded += hand(sink);
        } while (result.isOverflow());
        return decoded;
    }

    /**
     * The run buffer, big enough for {@code bytes} more input bytes (up to {@link #RUN_CHARS}). Why sized to
     * the need: a session that only shows a prompt keeps a small buffer; bulk output grows it once.
     */
    private CharBuffer run(int bytes) {
        int wanted = Math.clamp(bytes + 1L, FIRST_RUN_CHARS, RUN_CHARS);
        if (run == null || run.capacity() < wanted) {
            run = CharBuffer.allocate(wanted);
        }
        return run;
    }

    private int hand(CharSink sink) {
        int length = run.position();
        if (length > 0) {
            sink.accept(run.array(), 0, length);
            run.clear();
        }
        return length;
    }

    private static byte[] copyRemaining(ByteBuffer input) {
        byte[] rest = new byte[input.remaining()];
        input.get(rest);
        return rest;
    }
}
