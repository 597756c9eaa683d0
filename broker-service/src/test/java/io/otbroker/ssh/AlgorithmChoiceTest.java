package io.otbroker.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.junit.jupiter.api.Test;

class SshCiphersTest {

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
}
