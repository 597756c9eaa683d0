package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static io.otbroker.testsupport.AccessChecks.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.audit.AuditEvent;
import io.otbroker.recorder.asciicast.AsciicastEvent;
import io.otbroker.recorder.asciicast.AsciicastHeader;
import io.otbroker.session.LiveSession;
import io.otbroker.testsupport.KeycloakResource;
import io.otbroker.testsupport.Poll;
import io.otbroker.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Operators and auditors watch live SSH sessions through a read-only WebSocket; nobody else does. */
@QuarkusTest
class SessionWatchTest extends FrontDoorTest {

    @Test
    void anOperatorWatchesWhatIsTypedAndShownFromTheMomentTheyJoin() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        long grant = activeGrant(asset);
        Process shell = VendorSsh.startShell(bastion.port(), registeredKey("alice", dir), "alice:" + asset);
        LiveSession live = liveSessionOf(grant);
        OutputStream typing = shell.getOutputStream();
        try (WatchClient oscar = WatchClient.watch("oscar", live.id())) {
            AsciicastHeader header = AsciicastHeader.parse(oscar.next());
            assertEquals(80, header.width());
            assertEquals(24, header.height());
            assertEquals(live.started().getEpochSecond(), header.timestamp());

            typing.write("echo watched words\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            assertEquals(AsciicastEvent.Type.INPUT, event(oscar.until(line -> line.contains("echo watched"), "the input")));
            assertEquals(AsciicastEvent.Type.OUTPUT, event(oscar.until(line -> line.contains("\"watched words"),
                    "the output")));

            JsonPath listed = as("oscar").get("/api/sessions").then().statusCode(200).extract().jsonPath();
            String mine = "find { it.id == '" + live.id() + "' }";
            assertEquals(List.of("oscar"), listed.getList(mine + ".watchers"));
            assertTrue(listed.getLong(mine + ".bytesToAsset") >= "echo watched words\n".length(), listed.prettify());
            assertTrue(listed.getLong(mine + ".bytesFromAsset") >= "watched words\n".length(), listed.prettify());
            assertEquals("NOT_REQUIRED", listed.getString(mine + ".supervision"));
            AuditEvent start = SshFixtures.events("session.watch_start", "session/" + live.id()).getFirst();
            assertEquals("oscar", start.actor);
        }
        Poll.until(() -> SshFixtures.events("session.watch_stop", "session/" + live.id()).stream().findFirst(),
                "the watch's end in the audit log");
        as("oscar").get("/api/sessions").then().body("find { it.id == '" + live.id() + "' }.watchers", empty());
        typing.close();
        assertEquals(0, VendorSsh.finish(shell, 30).exitStatus());
    }

    @Test
    void auditorsWatchTooVendorsAndOthersAreRefusedAndAWatcherThatSendsIsClosed() throws Exception {
        Sleeping session = sleepingSession();
        Process ssh = session.ssh();
        LiveSession live = session.live();
        String id = live.id().toString();
        try {
            try (WatchClient audrey = WatchClient.watch("audrey", live.id())) {
                AsciicastHeader.parse(audrey.next());
                as("oscar").get("/api/sessions").then().body("find { it.id == '" + id + "' }.watchers", contains("audrey"));
                audrey.send("ls /");
                assertEquals(1008, audrey.closeCode(), "the stream is read-only");
            }
            assertEquals(403, WatchClient.refusal(WatchClient.bearer("alice"), id));
            assertEquals(403, WatchClient.refusal(WatchClient.bearer("mallory"), id), "a vendor who is also an operator");
            assertEquals(403, WatchClient.refusal(WatchClient.bearer("adam"), id));
            assertEquals(401, WatchClient.refusal(Map.of(), id));
            assertEquals(404, WatchClient.refusal(WatchClient.bearer("oscar"), UUID.randomUUID().toString()));
            assertTrue(SshFixtures.lastEvent("session.watch_refused", "mallory").isPresent());
            assertTrue(ssh.isAlive(), "none of this touches the session");
        } finally {
            ssh.destroy();
        }
    }

    @Test
    void anUpgradeFromAnotherSiteIsRefused() throws Exception {
        Sleeping session = sleepingSession();
        Process ssh = session.ssh();
        LiveSession live = session.live();
        try {
            Map<String, String> crossSite = new HashMap<>(WatchClient.bearer("oscar"));
            crossSite.put("Cookie", "q_session=from-the-browser");
            crossSite.put("Origin", "https://evil.example");
            assertEquals(403, WatchClient.refusal(crossSite, live.id().toString()));
            assertTrue(SshFixtures.lastEvent("session.watch_refused", "oscar").orElseThrow().details.contains("cross-site"));

            // A foreign page is refused even when no session cookie is recognised (a renamed cookie, say).
            Map<String, String> foreignWithoutCookie = new HashMap<>(WatchClient.bearer("oscar"));
            foreignWithoutCookie.put("Origin", "https://evil.example");
            assertEquals(403, WatchClient.refusal(foreignWithoutCookie, live.id().toString()));

            crossSite.put("Origin", KeycloakResource.brokerUrl());
            try (WatchClient sameSite = WatchClient.withHeaders(crossSite, live.id())) {
                AsciicastHeader.parse(sameSite.next());
            }
        } finally {
            ssh.destroy();
        }
    }

    @Test
    void aWatcherWhoDoesNotReadIsDroppedAndTheSessionGoesOnUnslowed() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        long grant = activeGrant(asset);
        Process shell = VendorSsh.startShell(bastion.port(), registeredKey("alice", dir), "alice:" + asset);
        VendorOutput shown = VendorOutput.stdoutOf(shell);
        VendorOutput told = VendorOutput.stderrOf(shell);
        LiveSession live = liveSessionOf(grant);
        try (Socket stalled = upgradeAndNeverRead(live.id())) {
            Poll.until(() -> live.watchers().names().contains("oscar") ? Optional.of(true) : Optional.empty(),
                    "oscar watching");
            try (OutputStream typing = shell.getOutputStream()) {
                typing.write("flood 16000000\nexit 0\n".getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(shell.waitFor(120, TimeUnit.SECONDS), "the session ends");
            assertEquals(0, shell.exitValue(), told.awaitEnd().text());
            assertTrue(shown.awaitEnd().size() >= 16_000_000, "the vendor got everything: " + shown.size());
            AuditEvent dropped = Poll.until(() -> SshFixtures.events("session.watch_dropped", "session/" + live.id())
                    .stream().findFirst(), "the dropped watcher in the audit log");
            assertEquals("oscar", dropped.actor);
        }
    }

    /** Opens the watch stream as oscar over a bare socket with a tiny receive buffer, and never reads from it. */
    private static Socket upgradeAndNeverRead(UUID session) throws Exception {
        URI broker = URI.create(KeycloakResource.brokerUrl());
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(broker.getHost(), broker.getPort()));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/sessions/" + session + "/watch HTTP/1.1\r\nHost: " + broker.getAuthority()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer " + Tokens.of("oscar") + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder status = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            status.append((char) c);
        }
        assertTrue(status.toString().contains(" 101 "), status.toString());
        return socket;
    }


    /** A vendor's ssh running {@code sleep 60}, and its live session. */
    private record Sleeping(Process ssh, LiveSession live) {}

    private Sleeping sleepingSession() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        long grant = activeGrant(asset);
        Process ssh = VendorSsh.start(bastion.port(), registeredKey("alice", dir), "alice:" + asset, List.of(), "sleep 60");
        return new Sleeping(ssh, liveSessionOf(grant));
    }

    private static AsciicastEvent.Type event(String line) {
        return AsciicastEvent.parse(line).type();
    }
}
