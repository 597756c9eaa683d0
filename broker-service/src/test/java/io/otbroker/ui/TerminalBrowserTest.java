package io.otbroker.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.otbroker.ssh.SshFixtures;
import io.otbroker.terminal.ShellAsset;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vendor's browser terminal from the vendor page, and the connect code for SL3/SL4 grants. */
@QuarkusTest
class TerminalBrowserTest extends ChromiumTest {

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
    void aVendorTypesIntoTheBrowserTerminalAndAnotherVendorGetsNothing() {
        long grant = SshFixtures.activeGrant(SshFixtures.asset("SL2", shell, shell.hostKeyLine()));
        Page alice = browsers.loggedIn("alice");
        row(alice, grant).locator("a", new Locator.LocatorOptions().setHasText("Open terminal")).click();
        assertThat(alice.locator("#terminal-state")).hasText("Connected");
        assertThat(alice.locator("#terminal textarea")).isFocused();
        alice.keyboard().type("echo browser-$((40+2))");
        alice.keyboard().press("Enter");
        assertThat(alice.locator("#terminal .xterm-rows")).containsText("browser-42");
        Browsers.screenshot(alice, "vendor-terminal");

        Page victor = browsers.loggedIn("victor");
        victor.navigate("/vendor/terminal.html?request=" + grant);
        assertThat(victor.locator("#terminal-state")).containsText("Not connected");
        assertThat(victor.locator("#terminal .xterm-rows")).hasCount(0);
        alice.close();
        assertTrue(browsers.consoleErrors().isEmpty(), "no script error or CSP violation: " + browsers.consoleErrors());
    }

    @Test
    void anSl3GrantOffersAConnectCodeWithItsExpiry() {
        long grant = SshFixtures.activeGrant(SshFixtures.asset("SL3", shell, shell.hostKeyLine()), "oscar", "olivia");
        Page alice = browsers.loggedIn("alice");
        row(alice, grant).locator("button", new Locator.LocatorOptions().setHasText("Get connect code")).click();
        assertThat(row(alice, grant).locator(".connect-code")).hasText(Pattern.compile("[A-Z2-9]{5}-[A-Z2-9]{5}"));
        assertThat(row(alice, grant).locator(".code-answer time")).hasCount(1);
        assertTrue(browsers.consoleErrors().isEmpty(), "no script error: " + browsers.consoleErrors());
    }

    private static Locator row(Page vendor, long requestId) {
        return vendor.locator("#my-requests tr[data-request='" + requestId + "']");
    }
}
