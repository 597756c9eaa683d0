package io.otbroker.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;

/** The ciphers of both legs: authenticated encryption (AES-GCM), which the JDK runs on the CPU's AES instructions. */
final class SshCiphers {

    /** What may be configured: authenticated encryption, or AES-CTR (with an encrypt-then-MAC). No CBC, RC4, 3DES. */
    private static final Set<BuiltinCiphers> STRONG = Set.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm,
            BuiltinCiphers.cc20p1305_openssh, BuiltinCiphers.aes128ctr, BuiltinCiphers.aes192ctr,
            BuiltinCiphers.aes256ctr);

    private SshCiphers() {}

    /**
     * The front door's ciphers, in the configured order. The client picks the first of its own list that the
     * server offers, so what is offered here is what decides. Why AES-GCM only by default: MINA's
     * chacha20-poly1305 is plain Java, some forty times slower than the JDK's AES-GCM, and a stock OpenSSH
     * client, offered both, takes ChaCha20; every OpenSSH since 6.2 speaks AES-GCM.
     *
     * @throws IllegalArgumentException for a weak or unknown name, or none (the broker does not start)
     */
    static List<NamedFactory<Cipher>> frontDoor(List<String> names) {
        List<NamedFactory<Cipher>> ciphers = new ArrayList<>();
        for (String name : names) {
            BuiltinCiphers cipher = BuiltinCiphers.fromFactoryName(name.strip());
            if (cipher == null || !STRONG.contains(cipher) || !cipher.isSupported()) {
                throw new IllegalArgumentException("otbroker.ssh.ciphers: '" + name + "' is not one of "
                        + STRONG.stream().map(BuiltinCiphers::getName).sorted().toList());
            }
            ciphers.add(cipher);
        }
        if (ciphers.isEmpty()) {
            throw new IllegalArgumentException("otbroker.ssh.ciphers: name at least one cipher");
        }
        return ciphers;
    }

    /** Towards the assets the broker is the client, so its order decides: AES-GCM first, MINA's defaults after. */
    static List<NamedFactory<Cipher>> aesGcmFirst(List<NamedFactory<Cipher>> defaults) {
        List<NamedFactory<Cipher>> ordered = new ArrayList<>();
        ordered.add(BuiltinCiphers.aes128gcm);
        defaults.stream().filter(cipher -> !cipher.getName().equals(BuiltinCiphers.aes128gcm.getName()))
                .forEach(ordered::add);
        return ordered;
    }
}
