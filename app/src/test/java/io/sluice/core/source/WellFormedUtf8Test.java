package io.sluice.core.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class WellFormedUtf8Test {

    @ParameterizedTest
    @ValueSource(strings = {"", "41", "c3a9", "e282ac", "f09f9880", "efbbbf41", "f48fbfbf", "ed9fbf", "ee8080",
            "c280", "e0a080", "f0908080"})
    void acceptsWellFormedSequences(String hex) throws IOException {
        assertThat(check(HexFormat.of().parseHex(hex))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"80", "bf", "c0af", "c1bf", "e080af", "eda080", "edbfbf", "f08f8080", "f4908080",
            "f5808080", "ff", "c3", "e282", "f09f98", "c341", "e28241", "f09f9841", "41e9", "e9613b"})
    void refusesMalformedSequences(String hex) throws IOException {
        assertThat(check(HexFormat.of().parseHex(hex))).isFalse();
    }

    @Test
    void judgesAsTheJdkDecoderDoesWhateverTheBytesAndHoweverTheStreamSplitsThem() throws IOException {
        Random random = new Random(20261206);
        byte[] pieces = HexFormat.of().parseHex("41c3a9e282acf09f9880eda080c0f4908080bfe0a080f48fbfbf");
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256)
                        : random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)] : (byte) 'a';
            }
            assertThat(check(bytes)).as(HexFormat.of().formatHex(bytes)).isEqualTo(jdkDecodes(bytes));
            assertThat(WellFormedUtf8.check(new TrickleStream(bytes, 1 + random.nextInt(5))))
                    .as(HexFormat.of().formatHex(bytes)).isEqualTo(jdkDecodes(bytes));
        }
    }

    @Test
    void judgesASequenceCutByTheReadBufferWithTheBytesThatFollow() throws IOException {
        byte[] bytes = new byte[64 * 1024 + 3];
        Arrays.fill(bytes, (byte) 'a');
        bytes[64 * 1024 - 1] = (byte) 0xF0;
        bytes[64 * 1024] = (byte) 0x9F;
        bytes[64 * 1024 + 1] = (byte) 0x98;
        bytes[64 * 1024 + 2] = (byte) 0x80;
        assertThat(check(bytes)).isTrue();
        bytes[64 * 1024 + 2] = (byte) 'a';
        assertThat(check(bytes)).isFalse();
    }

    private static boolean check(byte[] bytes) throws IOException {
        return WellFormedUtf8.check(new ByteArrayInputStream(bytes));
    }

    private static boolean jdkDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Hands out at most a few bytes per read, as a slow stream may. */
    private static final class TrickleStream extends InputStream {
        private final byte[] bytes;
        private final int most;
        private int at;

        TrickleStream(byte[] bytes, int most) {
            this.bytes = bytes;
            this.most = most;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, most), bytes.length - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }
}
