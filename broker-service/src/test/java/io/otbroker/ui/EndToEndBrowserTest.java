package io.otbroker.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.otbroker.ssh.RecordedSshSession;
import io.otbroker.ssh.SshFixtures;
import io.otbroker.terminal.ShellAsset;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole product once, as issue 6 describes it, in headless Chromium through Keycloak's real login with
 * one-time codes: a vendor requests access, an operator approves in a second browser context, the vendor
 * runs a command in the browser terminal on a real shell, the operator watches and ends the session, and
 * the auditor replays the recording and sees it verified. A vendor who is not the grant's owner gets nothing.
 */
@QuarkusTest
class EndToEndBrowserTest extends ChromiumTest {

    /** Output crosses the terminal socket, two SSH legs and the watch socket: more patience than a page needs. */
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

    static ShellAsset shell;

    @BeforeAll
    static void startAsset() throws Exception {
        shell = ShellAsset.start();
    }

    @AfterAll
    static void stopAsset() throws Exception {
        shell.close();
    }

    @Test
    void requestApproveWorkWatchTerminateAndReplayVerified() {
        String asset = SshFixtures.asset("SL2", shell, shell.hostKeyLine());

        // The vendor asks for access through the form.
        Page alice = browsers.loggedIn("alice");
        alice.locator("li.card[data-asset='" + asset + "']").getByRole(AriaRole.BUTTON).click();
        alice.locator("#request-reason").fill("Check the historian's disk after the alarm");
        alice.locator("#request-work-order").fill("WO-9001");
        alice.locator("#access-request button[type=submit]").click();
        Locator myRequest = alice.locator("#my-requests tr", new Page.LocatorOptions().setHasText(asset));
        assertThat(myRequest).containsText("PENDING");
        String requestId = myRequest.getAttribute("data-request");

        // The operator approves from the live queue in a second browser context.
        Page oscar = browsers.loggedIn("oscar");
        oscar.locator("#queue-table tr[data-request='" + requestId + "']").getByRole(AriaRole.BUTTON).click();
        assertThat(oscar.locator("#detail")).containsText("WO-9001");
        oscar.locator("#approve-form button[type=submit]").click();
        assertThat(oscar.locator("#detail")).containsText("ACTIVE");

        // Another vendor cannot open this grant's terminal.
        Page victor = browsers.loggedIn("victor");
        victor.navigate("/vendor/terminal.html?request=" + requestId);
        assertThat(victor.locator("#terminal-state")).containsText("Not connected");
        assertThat(victor.locator("#terminal .xterm-rows")).hasCount(0);

        // The vendor's page follows live; the browser terminal runs a command on the asset's shell.
        assertThat(myRequest).containsText("ACTIVE");
        myRequest.locator("a", new Locator.LocatorOptions().setHasText("Open terminal")).click();
        assertThat(alice.locator("#terminal-state")).hasText("Connected");
        alice.keyboard().type("echo before-$((40+2))");
        alice.keyboard().press("Enter");
        Locator vendorScreen = alice.locator("#terminal .xterm-rows");
        assertThat(vendorScreen).containsText("before-42", SLOW);
        Browsers.screenshot(alice, "e2e-vendor-terminal");

        // The operator watches: the screen so far, then what the vendor does next, read-only.
        oscar.navigate("/operator/");
        Locator live = oscar.locator("#sessions-table tr", new Page.LocatorOptions().setHasText(asset));
        live.getByText("Watch", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(oscar.locator("#watch-state")).containsText("you are watching");
        Locator watched = oscar.locator("#watch-terminal");
        assertThat(watched).containsText("before-42", SLOW);
        alice.keyboard().type("echo watched-$((6*7))");
        alice.keyboard().press("Enter");
        assertThat(watched).containsText("watched-42", SLOW);
        Browsers.screenshot(oscar, "e2e-operator-watch");

        // The operator ends it; both are told.
        oscar.locator("#terminate-reason").fill("Work order done");
        oscar.locator("#watch-terminate button[type=submit]").click();
        assertThat(oscar.locator("#watch-state")).containsText("Session ended", SLOW);
        assertThat(alice.locator("#terminal-state")).containsText("Session ended", SLOW);

        // The auditor finds the session, sees its recording verified and replays what was shown.
        RecordedSshSession.verifiedHistory(asset); // sealed and verified by the broker, not by the page
        Page audrey = browsers.loggedIn("audrey");
        audrey.locator("#history-asset").fill(asset);
        audrey.locator("#history-filters button[type=submit]").click();
        Locator past = audrey.locator("#history-table tbody tr");
        assertThat(past).hasCount(1);
        assertThat(past).containsText("alice");
        assertThat(past.locator(".badge")).hasText("verified");
        past.locator("button.replay").click();
        assertThat(audrey.locator("#player .ap-terminal")).containsText("watched-42", SLOW);
        Browsers.screenshot(audrey, "e2e-auditor-replay");

        assertEquals(0, victor.locator("#terminal .xterm-rows").count(), "the other vendor never got a screen");
        assertTrue(browsers.consoleErrors().isEmpty(), "no CSP violation or script error: " + browsers.consoleErrors());
    }
}
