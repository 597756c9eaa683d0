package io.otbroker.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.otbroker.ssh.VendorShell;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator watches a vendor's real SSH session (OpenSSH through the broker's front door) in the browser:
 * the screen so far and live output in a read-only terminal, who watches, terminate with a reason; and joins a
 * supervised (SL4) session that waits for them.
 */
@QuarkusTest
class SessionWatchBrowserTest extends ChromiumTest {

    /** Output crosses two SSH legs and the watch socket: more patience than a page's own change needs. */
    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);

    @TempDir
    Path dir;

    @Test
    void anOperatorWatchesALiveSessionSeesItsOutputAndEndsIt() throws Exception {
        try (VendorShell alice = VendorShell.open("SL2", dir)) {
            alice.type("echo screen-so-far");
            alice.awaitShown("screen-so-far");
            Page oscar = browsers.loggedIn("oscar");
            Locator row = oscar.locator("#sessions-table tr[data-session='" + alice.sessionId() + "']");
            assertThat(row).containsText("Not required");
            row.getByText("Watch", new Locator.GetByTextOptions().setExact(true)).click();

            assertThat(oscar.locator("#watch-state")).containsText("you are watching");
            Locator screen = oscar.locator("#watch-terminal");
            assertThat(screen).containsText("screen-so-far", SLOW);
            alice.type("echo watched-live");
            assertThat(screen).containsText("watched-live", SLOW);
            // The facts are re-read every 3 s.
            assertThat(oscar.locator("#watch-details [data-fact=Watching]")).hasText("oscar",
                    new LocatorAssertions.HasTextOptions().setTimeout(15_000));
            assertThat(oscar.locator("#watch-title")).containsText("alice on");
            Browsers.screenshot(oscar, "operator-watch");

            oscar.locator("#watch-terminate button[type=submit]").click();
            assertThat(oscar.locator("#terminate-reason")).hasAttribute("aria-invalid", "true");
            oscar.locator("#terminate-reason").fill("Unplanned change on the asset");
            oscar.locator("#watch-terminate button[type=submit]").click();
            assertThat(oscar.locator("#watch-state")).containsText("Session ended");
            assertThat(oscar.locator("#terminate-reason")).isDisabled();
            assertTrue(alice.endsWithin(30), "the vendor's ssh ends");
        }
        assertTrue(browsers.consoleErrors().isEmpty(), "no CSP violation or script error: " + browsers.consoleErrors());
    }

    @Test
    void anOperatorJoinsASessionThatWaitsForASupervisorAndTheVendorsCommandRuns() throws Exception {
        try (VendorShell alice = VendorShell.open("SL4", dir)) {
            Page olivia = browsers.loggedIn("olivia");
            Locator row = olivia.locator("#sessions-table tr[data-session='" + alice.sessionId() + "']");
            assertThat(row).containsText("Waiting for a supervisor");
            alice.type("echo supervised-run");
            row.getByText("Join as supervisor").click();

            assertThat(olivia.locator("#watch-state")).containsText("you are watching");
            assertThat(olivia.locator("#watch-terminal")).containsText("supervised-run", SLOW);
            alice.awaitShown("supervised-run");
            assertThat(olivia.locator("#watch-details [data-fact=Supervision]")).hasText("Supervised",
                    new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        }
        assertTrue(browsers.consoleErrors().isEmpty(), "no CSP violation or script error: " + browsers.consoleErrors());
    }
}
