package io.otbroker.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.otbroker.access.AccessFixtures;
import io.otbroker.session.LiveSession;
import io.otbroker.session.LiveSessions;
import io.otbroker.session.SessionTraffic;
import io.otbroker.session.SupervisionGate;
import io.otbroker.session.Watchers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Deny and revoke from the operator's page as the vendor sees them, ending a live session, field errors
 * from the broker's problem answers, the keyboard path to login, and the pages at tablet width.
 */
@QuarkusTest
class ReviewActionsBrowserTest extends ChromiumTest {

    @Inject
    LiveSessions sessions;

    @Test
    void aRefusedRequestMarksTheFieldsTheBrokerNames() {
        AccessFixtures.Plant plant = AccessFixtures.plant("SL2");
        Page alice = browsers.loggedIn("alice");
        alice.locator("#request-asset").selectOption(plant.assetName());
        String tomorrow = LocalDate.now().plusDays(2).toString();
        alice.locator("#request-start").fill(tomorrow + "T10:00");
        alice.locator("#request-end").fill(tomorrow + "T09:00");
        alice.locator("#request-reason").fill("Check the drive");
        alice.locator("#access-request button[type=submit]").click();
        assertThat(alice.locator("#request-end")).hasAttribute("aria-invalid", "true");
        assertThat(alice.locator("#access-request [role=alert]")).containsText("end must be after the start");
        assertThat(alice.locator("#requests")).not().containsText(plant.assetName());
    }

    @Test
    void theVendorSeesADenialAndARevocationWithTheirReasons() {
        AccessFixtures.Plant denied = AccessFixtures.plant("SL2");
        AccessFixtures.Plant revoked = AccessFixtures.plant("SL2");
        long deniedId = AccessFixtures.request("alice", denied);
        long revokedId = AccessFixtures.request("alice", revoked);
        Page alice = browsers.loggedIn("alice");
        Page oscar = browsers.loggedIn("oscar");

        open(oscar, "#queue-table", deniedId);
        oscar.locator("#deny-form button[type=submit]").click();
        assertThat(oscar.locator("#deny-reason")).hasAttribute("aria-invalid", "true");
        oscar.locator("#deny-reason").fill("The line runs a production order");
        oscar.locator("#deny-form button[type=submit]").click();
        assertThat(oscar.locator("#detail")).containsText("DENIED");
        assertThat(row(alice, deniedId)).containsText("DENIED");
        assertThat(row(alice, deniedId)).containsText("The line runs a production order");

        open(oscar, "#queue-table", revokedId);
        oscar.locator("#approve-form button[type=submit]").click();
        assertThat(oscar.locator("#detail")).containsText("ACTIVE");
        assertThat(row(alice, revokedId)).containsText("ACTIVE");
        open(oscar, "#grants-table", revokedId);
        oscar.locator("#revoke-reason").fill("Work finished early");
        oscar.locator("#revoke-form button[type=submit]").click();
        assertThat(oscar.locator("#detail")).containsText("REVOKED");
        assertThat(row(alice, revokedId)).containsText("REVOKED");
        assertThat(row(alice, revokedId).locator("code.ssh-command")).hasCount(0);
        assertTrue(browsers.consoleErrors().isEmpty(), "no script error: " + browsers.consoleErrors());
    }

    @Test
    void anOperatorEndsALiveSessionWithAReason() throws Exception {
        CompletableFuture<String> toldTheVendor = new CompletableFuture<>();
        UUID id = UUID.randomUUID();
        // Stands in for a relayed SSH session (the relay itself is tested in the ssh package).
        Instant now = Instant.now();
        sessions.add(new LiveSession(id, 4711, "alice", "historian-01", "SSH", now, now.plusSeconds(3600), message -> {
            sessions.remove(id);
            toldTheVendor.complete(message);
        }, new SessionTraffic(), new Watchers(now, Clock.systemUTC(), 80, 24, "alice on historian-01", Map.of(),
                new SupervisionGate(false, Clock.systemUTC()))));
        Page oscar = browsers.loggedIn("oscar");
        Locator row = oscar.locator("#sessions-table tr[data-session='" + id + "']");
        assertThat(row).containsText("historian-01");
        row.locator("textarea").fill("Unplanned change on the historian");
        row.locator("button[type=submit]").click();
        assertEquals("An operator ended the session: Unplanned change on the historian",
                toldTheVendor.get(10, TimeUnit.SECONDS));
        // The list is re-read every 5 s; the session leaves it once its relay has ended.
        assertThat(oscar.locator("#sessions-table tr[data-session='" + id + "']"))
                .hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
    }

    @Test
    void loginWorksFromTheKeyboardAndPagesFitATablet() {
        Page anonymous = browsers.anonymous();
        anonymous.navigate("/");
        anonymous.locator("#login").waitFor();
        anonymous.keyboard().press("Tab");
        assertThat(anonymous.locator("#login")).isFocused();

        Page oscar = browsers.loggedIn("oscar");
        fitsATablet(oscar, "#queue-live", "operator-tablet");
        Page alice = browsers.loggedIn("alice");
        fitsATablet(alice, "#requests-live", "vendor-tablet");
    }

    /** At tablet width the page, once live, needs no sideways scrolling; saved as a screenshot. */
    private static void fitsATablet(Page page, String liveMark, String screenshot) {
        page.setViewportSize(768, 1024);
        assertThat(page.locator(liveMark)).hasText("● live");
        assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling at tablet width");
        Browsers.screenshot(page, screenshot);
    }

    private static void open(Page operator, String table, long requestId) {
        operator.locator(table + " tr[data-request='" + requestId + "'] button").click();
        assertThat(operator.locator("#detail-heading")).hasText("Request #" + requestId);
    }

    private static Locator row(Page vendor, long requestId) {
        return vendor.locator("#my-requests tr[data-request='" + requestId + "']");
    }
}
