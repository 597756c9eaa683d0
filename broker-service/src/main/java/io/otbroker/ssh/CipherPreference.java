package io.otbroker.ssh;

import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;

/** Cipher order for both legs: AES-GCM first (authenticated encryption, hardware-accelerated, no separate MAC). */
final class CipherPreference {

    private CipherPreference() {}

    static List<NamedFactory<Cipher>> aesGcmFirst(List<NamedFactory<Cipher>> defaults) {
        List<NamedFactory<Cipher>> ordered = new ArrayList<>();
        ordered.add(BuiltinCiphers.aes128gcm);
        defaults.stream().filter(cipher -> !cipher.getName().equals(BuiltinCiphers.aes128gcm.getName()))
                .forEach(ordered::add);
        return ordered;
    }
}
