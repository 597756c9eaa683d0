package io.otbroker.terminal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.connectcode.ConnectCodes;
import io.otbroker.connectcode.FreshLogin;
import io.otbroker.security.Roles;
import io.otbroker.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.sshd.client.session.ClientSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The vendor's browser terminal: {@code /api/terminal/{accessRequestId}?cols=C&rows=R} opens a shell on the
 * asset of the vendor's own active SSH grant, through the broker's SSH front door ({@link TerminalClient}), so
 * that the grant check, lockout, recording, expiry warnings, cuts, supervision and the live-sessions list apply
 * exactly as to an OpenSSH client. Nothing the browser sends chooses host, port, user or credentials.
 *
 * <p>The browser sends text frames {@code {"type":"input","data":…}} (at most {@link #MAX_INPUT} characters)
 * and {@code {"type":"resize","cols":…,"rows":…}}; anything else closes the socket (1008), as does a frame
 * too large (1009) or a binary one (1003). The server's side: {@link BrowserTerminal}.
 *
 * <p>SL3/SL4 zones ask a one-time connect code after the key. Why the terminal asks for it itself: the code
 * stands for a fresh MFA login (the rule of {@code POST /api/access-requests/{id}/connect-code}), and the
 * browser session proves exactly that; so the code is issued (audited) only when {@link FreshLogin} holds for
 * this browser login, and typed for the vendor at the front door's prompt. A stale login gets
 * {@code "problem": "urn:otbroker:problem:fresh-login-required"} and no session.
 */
@WebSocket(path = "/api/terminal/{" + TerminalSocket.ID + "}", endpointId = TerminalSocket.ENDPOINT_ID)
@RolesAllowed(Roles.VENDOR)
public class TerminalSocket {

    static final String ENDPOINT_ID = "terminal";
    static final String ID = "accessRequestId";
    /** Longest input frame: a generous paste; a terminal types a few bytes at a time. */
    static final int MAX_INPUT = 16 * 1024;
    private static final int POLICY_VIOLATION = 1008;
    private static final int TOO_BIG = 1009;
    private static final int UNSUPPORTED = 1003;

    private static final Logger LOG = Logger.getLogger(TerminalSocket.class);
    private static final UserData.TypedKey<BrowserTerminal> TERMINAL = new UserData.TypedKey<>("otbroker.terminal");

    @Inject
    SecurityIdentity identity;

    @Inject
    TerminalClient client;

    @Inject
    FreshLogin freshLogin;

    @Inject
    ConnectCodes codes;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "otbroker.ssh.upstream.connect-timeout")
    Duration timeout;

    @OnOpen
    void open(WebSocketConnection connection) {
        String vendor = identity.getPrincipal().getName();
        BrowserTerminal terminal = new BrowserTerminal(connection, json,
                TerminalSize.fromQuery(connection.handshakeRequest().query()));
        connection.userData().put(TERMINAL, terminal);
        // Read again: the grant may have ended since the upgrade check.
        Optional<TerminalGrant> grant = TerminalGrant.own(vendor, connection.pathParam(ID), clock.instant())
                .filter(TerminalGrant::sshNow);
        if (grant.isEmpty()) {
            terminal.refused("the grant does not allow SSH now", null);
            return;
        }
        Optional<String> code;
        try {
            code = connectCode(vendor, grant.get());
        } catch (ProblemException refusal) {
            codes.auditRefusal(grant.get().id(), refusal);
            terminal.refused(refusal.problem().detail(), refusal.problem().type());
            return;
        }
        String browser = host(connection.handshakeRequest().remoteAddress());
        Thread.ofVirtual().name("otbroker-terminal-login").start(() -> connect(terminal, vendor, grant.get(), browser, code));
    }

    /** The connect code an SL3/SL4 login needs, issued only for a fresh login; none below SL3. */
    private Optional<String> connectCode(String vendor, TerminalGrant grant) {
        if (!grant.needsCode()) {
            return Optional.empty();
        }
        freshLogin.require(identity);
        return Optional.of(codes.issueForBrowserTerminal(vendor, grant.id()).code());
    }

    private void connect(BrowserTerminal terminal, String vendor, TerminalGrant grant, String browser,
            Optional<String> code) {
        ClientSession session;
        try {
            session = client.login(vendor, grant.assetName(), grant.id(), browser, code,
                    banner -> terminal.output(banner.replace("\r\n", "\n").replace("\n", "\r\n")));
        } catch (IOException | RuntimeException e) {
            // The front door audited why; the browser, like an SSH client, learns only that it was refused.
            terminal.refused("the SSH front door refused the login", null);
            return;
        }
        try {
            terminal.connected(TerminalLeg.open(session, terminal.size(), terminal, timeout));
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Browser terminal: no shell (%s)", e.getClass().getSimpleName());
            session.close(true);
            terminal.refused("no shell could be opened on the asset", null);
        }
    }

    @OnTextMessage
    void message(String text, WebSocketConnection connection) throws IOException {
        BrowserTerminal terminal = connection.userData().get(TERMINAL);
        if (terminal == null) {
            return;
        }
        if (text.length() > MAX_INPUT + 64) {
            refuse(connection, TOO_BIG, "message too big");
            return;
        }
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (JsonProcessingException e) {
            refuse(connection, POLICY_VIOLATION, "not a terminal message");
            return;
        }
        String type = message.path("type").asText("");
        if (type.equals("input") && message.path("data").isTextual()
                && message.path("data").asText().length() <= MAX_INPUT) {
            terminal.type(message.path("data").asText());
        } else if (type.equals("resize") && message.path("cols").canConvertToInt()
                && message.path("rows").canConvertToInt()) {
            Optional<TerminalSize> size = TerminalSize.of(message.path("cols").asLong(), message.path("rows").asLong());
            if (size.isEmpty()) {
                refuse(connection, POLICY_VIOLATION, "terminal size out of range");
                return;
            }
            terminal.resize(size.get());
        } else {
            refuse(connection, POLICY_VIOLATION, "not a terminal message");
        }
    }

    @OnBinaryMessage
    void binary(byte[] message, WebSocketConnection connection) {
        refuse(connection, UNSUPPORTED, "text frames only");
    }

    @OnClose
    void close(WebSocketConnection connection) {
        BrowserTerminal terminal = connection.userData().remove(TERMINAL);
        if (terminal != null) {
            terminal.socketClosed();
        }
    }

    private static void refuse(WebSocketConnection connection, int code, String reason) {
        connection.closeAndAwait(new CloseReason(code, reason));
    }

    /** The IP address of {@code host:port} (the port is new for every connection and tells the audit nothing). */
    static String host(String address) {
        int colon = address == null ? -1 : address.lastIndexOf(':');
        return colon > 0 ? address.substring(0, colon).replace("[", "").replace("]", "") : String.valueOf(address);
    }
}
