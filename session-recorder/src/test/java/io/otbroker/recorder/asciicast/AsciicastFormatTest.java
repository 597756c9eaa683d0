package io.otbroker.recorder.asciicast;

import io.otbroker.recorder.MalformedRecordingException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AsciicastFormatTest {

    @Test
    void timesAreSecondsWithMicrosecondPrecision() {
        assertEquals("[0.000001, \"o\", \"a\"]", new AsciicastEvent(1, AsciicastEvent.Type.OUTPUT, "a").toJsonLine());
        assertEquals("[3601.250000, \"i\", \"\\r\"]",
                new AsciicastEvent(3_601_250_000L, AsciicastEvent.Type.INPUT, "\r").toJsonLine());
    }

    @Test
    void controlCharactersAreEscapedAndReadBack() {
        String data = "\u001b[1m\"bold\"\u0000\\\n";
        AsciicastEvent event = new AsciicastEvent(5, AsciicastEvent.Type.OUTPUT, data);
        assertEquals("[0.000005, \"o\", \"\\u001b[1m\\\"bold\\\"\\u0000\\\\\\n\"]", event.toJsonLine());
        assertEquals(event, AsciicastEvent.parse(event.toJsonLine()));
    }

    @Test
    void linesFromOtherRecordersAreRead() {
        assertEquals(new AsciicastEvent(10, AsciicastEvent.Type.OUTPUT, "x"), AsciicastEvent.parse("[1e-05,\"o\",\"x\"]"));
        assertEquals(100, AsciicastHeader.parse("{\"version\":2,\"width\":100,\"height\":30}").width());
    }

    @Test
    void badLinesAreRefused() {
        assertThrows(MalformedRecordingException.class, () -> AsciicastEvent.parse("[-1, \"o\", \"x\"]"));
        assertThrows(MalformedRecordingException.class, () -> AsciicastEvent.parse("[1, \"q\", \"x\"]"));
        assertThrows(MalformedRecordingException.class, () -> AsciicastEvent.parse("[1, \"o\"]"));
        assertThrows(MalformedRecordingException.class, () -> AsciicastHeader.parse("{\"version\":1,\"width\":1,\"height\":1}"));
        assertThrows(MalformedRecordingException.class, () -> AsciicastEvent.parse("[1, \"o\", \"x\", ]"));
    }

    @Test
    void everySplitOfMultiByteTextDecodesWhole() {
        byte[] text = "a€😀ü".getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= text.length; cut++) {
            Utf8StreamDecoder decoder = new Utf8StreamDecoder();
            String first = decode(decoder, Arrays.copyOfRange(text, 0, cut));
            String second = decode(decoder, Arrays.copyOfRange(text, cut, text.length));
            assertEquals("a€😀ü", first + second + finish(decoder), "cut at " + cut);
        }
    }

    @Test
    void byteByByteDecodingLosesNothing() {
        Utf8StreamDecoder decoder = new Utf8StreamDecoder();
        StringBuilder decoded = new StringBuilder();
        for (byte b : "Grüße 😀".getBytes(StandardCharsets.UTF_8)) {
            decoded.append(decode(decoder, new byte[] {b}));
        }
        assertEquals("Grüße 😀", decoded.toString());
    }

    @Test
    void invalidBytesBecomeReplacementCharacters() {
        Utf8StreamDecoder decoder = new Utf8StreamDecoder();
        assertEquals("a\uFFFDb", decode(decoder, new byte[] {'a', (byte) 0xff, 'b'}));
        assertEquals("", decode(decoder, new byte[] {(byte) 0xe2, (byte) 0x82}));
        assertEquals("\uFFFD", finish(decoder), "a partial character at the end of the stream");
    }

    @Test
    void longTextIsDecodedWholeAcrossTheDecodersRuns() {
        String text = "Grüße 😀 ".repeat(5_000);
        Utf8StreamDecoder decoder = new Utf8StreamDecoder();
        assertEquals(text, decode(decoder, text.getBytes(StandardCharsets.UTF_8)) + finish(decoder));
    }

    private static String decode(Utf8StreamDecoder decoder, byte[] chunk) {
        StringBuilder text = new StringBuilder();
        decoder.decode(chunk, (chars, from, to) -> text.append(chars, from, to - from));
        return text.toString();
    }

    private static String finish(Utf8StreamDecoder decoder) {
        StringBuilder text = new StringBuilder();
        decoder.finish((chars, from, to) -> text.append(chars, from, to - from));
        return text.toString();
    }
}
