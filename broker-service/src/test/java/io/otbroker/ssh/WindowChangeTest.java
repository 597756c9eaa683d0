package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.otbroker.testsupport.Poll;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;

/**
 * Window changes reach the asset. The OpenSSH client sends them only from a real terminal, so here the
 * vendor's client is MINA's, with the same ssh-keygen key.
 */
@QuarkusTest
class WindowChangeTest extends FrontDoorTest {

    @Test
    void aResizedTerminalIsResizedOnTheAsset() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);

        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.start();
            try (ClientSession session = SshFixtures.loggedIn(client, bastion.port(), "alice:" + asset, key)) {
                ChannelShell shell = session.createShellChannel();
                shell.setPtyColumns(100);
                shell.setPtyLines(30);
                ByteArrayOutputStream shown = new ByteArrayOutputStream();
                shell.setOut(shown);
                shell.open().verify(Duration.ofSeconds(10));
                OutputStream typing = shell.getInvertedIn();

                type(typing, "size\n");
                Poll.until(() -> contains(shown, "100x30\n"), "the first size");
                shell.sendWindowChange(132, 43);
                type(typing, "size\nexit 0\n");
                Poll.until(() -> contains(shown, "132x43\n"), "the size after the window change");
                shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(10));
                assertEquals(0, shell.getExitStatus());
            }
        }
    }

    private static void type(OutputStream typing, String text) throws Exception {
        typing.write(text.getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }

    private static Optional<Boolean> contains(ByteArrayOutputStream shown, String text) {
        return shown.toString(StandardCharsets.UTF_8).contains(text) ? Optional.of(true) : Optional.empty();
    }
}
