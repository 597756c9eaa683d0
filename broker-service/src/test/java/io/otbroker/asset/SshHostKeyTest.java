package io.otbroker.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SshHostKeyTest {

    /** Generated with ssh-keygen; fingerprints as printed by {@code ssh-keygen -l}. */
    static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA6efWYMM+gOhNGjBgLmxvTJGmqFtR4BjnsDEYLjf8E8 root@plc-7";
    static final String ED25519_FINGERPRINT = "SHA256:a3pB/jb0jqHQouM4Hknidw4iCtkZO9xXZJNOWAbYZag";
    private static final String ECDSA = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBOSv8wfS"
            + "+PfRlvqMQwdj/D5DSV5t5GWcWGZCYoQ9x5ciLc5M8rvAODacRq+kgRWpJdpwkaDtS89VurbWdgcncys=";

    @Test
    void parsesEd25519AndPrintsTheOpenSshFingerprint() {
        SshHostKey key = SshHostKey.parse(ED25519);

        assertEquals("ssh-ed25519", key.type());
        assertEquals(ED25519_FINGERPRINT, key.fingerprint());
        assertEquals(ED25519.substring(0, ED25519.lastIndexOf(' ')), key.toOpenSshLine(), "comment dropped");
    }

    @Test
    void parsesEcdsa() {
        assertEquals("SHA256:c17SKGPaveQuUs9FnbcWSybaiVo9sm2iJ9wQyShPmjA",
                SshHostKey.parse("  " + ECDSA + "\n").fingerprint());
    }

    @Test
    void refusesUnknownTypeAndMissingKey() {
        assertRefused("ssh-dss AAAAB3NzaC1kc3MAAACBAP", "supported types");
        assertRefused("ssh-ed25519", "OpenSSH public key line");
    }

    @Test
    void refusesKeyThatIsNotBase64() {
        assertRefused("ssh-ed25519 not*base64", "base64");
    }

    @Test
    void refusesBlobOfAnotherType() {
        assertRefused("ssh-ed25519 " + ECDSA.split(" ")[1], "not of type ssh-ed25519");
    }

    @Test
    void refusesTruncatedBlob() {
        byte[] blob = Base64.getDecoder().decode(ED25519.split(" ")[1]);
        String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(blob, blob.length - 5));
        assertRefused("ssh-ed25519 " + truncated, "truncated");
    }

    @Test
    void refusesEd25519KeyOfWrongLength() {
        byte[] type = "ssh-ed25519".getBytes();
        ByteBuffer blob = ByteBuffer.allocate(4 + type.length + 4 + 16)
                .putInt(type.length).put(type).putInt(16).put(new byte[16]);
        assertRefused("ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.array()), "32 bytes");
    }

    private static void assertRefused(String line, String messagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SshHostKey.parse(line));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
