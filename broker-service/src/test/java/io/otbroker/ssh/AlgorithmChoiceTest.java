package io.otbroker.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.junit.jupiter.api.Test;

/** Which ciphers and key exchanges each leg offers, and in which order. */
class AlgorithmChoiceTest {

    @Test
    void theFrontDoorOffersTheConfiguredCiphersInTheirOrder() {
        assertEquals(List.of("aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com", "aes128-ctr"),
                NamedResource.getNameList(SshCiphers.frontDoor(List.of("aes256-gcm@openssh.com",
                        " chacha20-poly1305@openssh.com", "aes128-ctr"))));
    }

    @Test
    void weakUnknownOrNoCiphersStopTheBrokerFromStarting() {
        for (String weak : List.of("aes128-cbc", "3des-cbc", "arcfour256", "blowfish-cbc", "none", "aes128-gcm")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SshCiphers.frontDoor(List.of("aes128-gcm@openssh.com", weak)), weak);
            assertTrue(refused.getMessage().contains("'" + weak + "' is not one of"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> SshCiphers.frontDoor(List.of()));
    }

    @Test
    void towardsTheAssetsAesGcmComesFirstAndNothingIsLost() {
        List<String> ordered = NamedResource.getNameList(SshCiphers.aesGcmFirst(List.of(BuiltinCiphers.aes256ctr,
                BuiltinCiphers.aes128gcm, BuiltinCiphers.cc20p1305_openssh)));
        assertEquals(List.of("aes128-gcm@openssh.com", "aes256-ctr", "chacha20-poly1305@openssh.com"), ordered);
    }

    @Test
    void towardsTheAssetsCurve25519ComesFirstAndThePostQuantumHybridStaysAvailable() {
        List<String> defaults = NamedResource.getNameList(SshClient.setUpDefaultClient().getKeyExchangeFactories());
        List<String> ordered = NamedResource.getNameList(UpstreamClient.curve25519First(
                SshClient.setUpDefaultClient().getKeyExchangeFactories()));

        assertEquals(List.of("curve25519-sha256", "curve25519-sha256@libssh.org"), ordered.subList(0, 2));
        assertTrue(ordered.contains("sntrup761x25519-sha512@openssh.com"), ordered.toString());
        assertEquals(defaults.stream().sorted().toList(), ordered.stream().sorted().toList(), "nothing added or lost");
    }
}
