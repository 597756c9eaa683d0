package io.otbroker.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.otbroker.access.AccessFixtures;
import io.otbroker.ssh.RecordedSshSession;
import io.otbroker.ssh.SshBastion;
import io.otbroker.testsupport.KeycloakResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's page in headless Chromium, on a real session that alice's OpenSSH client ran through the broker:
 * its verified recording is listed, replays in the player, downloads, and shows tampering once verified again;
 * the audit log filters and exports, the chain is intact; vendors and operators get no auditor page.
 */
@QuarkusTest
class AuditorBrowserTest extends ChromiumTest {

    private static RecordedSshSession sessions;

    @Inject
    SshBastion bastion;

    @ConfigProperty(name = "otbroker.recordings.dir")
    Path recordingsDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void startAsset() throws Exception {
        sessions = RecordedSshSession.startAsset();
    }

    @AfterAll
    static void stopAsset() throws Exception {
        sessions.close();
    }

    @Test
    void theAuditorReplaysAndDownloadsAVerifiedSessionAndSeesItTamperedAfterVerifyingAgain() throws Exception {
        String asset = sessions.run(bastion.port(), dir, "echo replayed evidence");
        UUID id = UUID.fromString(RecordedSshSession.verifiedHistory(asset).getString("items[0].id"));
        Page audrey = browsers.loggedIn("audrey");
        assertEquals(KeycloakResource.brokerUrl() + "/auditor/", audrey.url(), "an auditor lands on the evidence");

        audrey.locator("#history-asset").fill(asset);
        audrey.locator("#history-filters button[type=submit]").click();
        assertThat(audrey.locator("#history-table tbody tr")).hasCount(1);
        Locator row = audrey.locator("#history-table tr[data-session='" + id + "']");
        assertThat(row).containsText("alice");
        assertThat(row).containsText("exit 0");
        assertThat(row.locator(".badge")).hasText("verified");
        assertTrue(row.locator("time[title$='UTC']").count() == 2, "start and end carry UTC on hover");

        row.locator("button.replay").click();
        assertThat(audrey.locator("#player .ap-terminal")).containsText("replayed evidence");
        audrey.locator("#replay-speed").selectOption("2");
        assertThat(audrey.locator("#player .ap-terminal")).containsText("replayed evidence");
        assertThat(audrey.locator("#player .ap-control-bar")).hasCount(1);
        Browsers.screenshot(audrey, "auditor-replay");

        download(audrey, "#download-recording", "application/zip");
        download(audrey, "#download-manifest", "application/json");
        download(audrey, "#download-public-key", "text/plain");

        RecordedSshSession.tamper(recordingsDir, id, "replayed", "innocent");
        row.locator("button.verify").click();
        assertThat(row.locator(".badge")).hasText("tampered");
        assertThat(row.locator(".badge")).hasAttribute("data-status", "TAMPERED");
        Browsers.screenshot(audrey, "auditor-tampered");
        assertTrue(browsers.consoleErrors().isEmpty(), "no CSP violation or script error: " + browsers.consoleErrors());
    }

    @Test
    void theAuditLogFiltersExportsAndShowsTheChainIntact() {
        AccessFixtures.plant("SL2");
        Page audrey = browsers.loggedIn("audrey");
        assertThat(audrey.locator("#chain-status")).containsText("Intact");
        assertThat(audrey.locator("#audit-table tbody tr").first()).isVisible();
        long everything = total(audrey);

        audrey.locator("#audit-eventName").fill("audit.verify");
        audrey.locator("#audit-actor").fill("audrey");
        audrey.locator("#audit-filters button[type=submit]").click();
        assertThat(audrey.locator("#audit-export")).hasAttribute("href",
                Pattern.compile("/api/audit/export\\?eventName=audit\\.verify&actor=audrey$"));
        long filtered = total(audrey);
        assertTrue(filtered >= 1 && filtered < everything, filtered + " of " + everything);
        for (String event : audrey.locator("#audit-table tbody tr td:nth-child(3)").allTextContents()) {
            assertTrue(event.startsWith("audit.verify"), event);
        }
        Browsers.screenshot(audrey, "auditor-audit-log");

        audrey.locator("#audit-from").fill("2030-01-02T10:00");
        audrey.locator("#audit-to").fill("2030-01-01T10:00");
        audrey.locator("#audit-filters button[type=submit]").click();
        assertThat(audrey.locator("#audit-to")).hasAttribute("aria-invalid", "true");
        audrey.locator("#history-vendor").fill("nobody-at-all");
        audrey.locator("#history-filters button[type=submit]").click();
        assertThat(audrey.locator("#history")).containsText("No session matches");
        audrey.setViewportSize(768, 1024);
        assertTrue((Boolean) audrey.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling at tablet width");
        Browsers.screenshot(audrey, "auditor-tablet");

        APIResponse export = download(audrey, "#audit-export", "application/x-ndjson");
        List<String> lines = export.text().lines().toList();
        assertFalse(lines.isEmpty(), "the export holds the filtered events");
        assertTrue(lines.stream().allMatch(line -> line.contains("\"eventName\":\"audit.verify\"")), export.text());
        assertTrue(browsers.consoleErrors().isEmpty(), "no CSP violation or script error: " + browsers.consoleErrors());
    }

    @Test
    void vendorsAndOperatorsGetNoAuditorPage() {
        for (String user : List.of("alice", "oscar")) {
            Page page = browsers.loggedIn(user);
            assertEquals(0, page.locator("#account a[href='/auditor/']").count(), "no link for " + user);
            Response auditorPage = page.navigate("/auditor/");
            assertEquals(403, auditorPage.status(), user);
            assertFalse(page.content().contains("Evidence"), user + " sees no auditor page content");
        }
    }

    /** Fetches a link's target with the page's session cookie, as the browser would, and checks its type. */
    private static APIResponse download(Page page, String link, String contentType) {
        APIResponse response = page.request().get(page.locator(link).getAttribute("href"));
        assertEquals(200, response.status(), link);
        assertTrue(response.headers().get("content-type").startsWith(contentType),
                link + ": " + response.headers().get("content-type"));
        return response;
    }

    /** The number of events matching the audit filters shown, from the pager's "(N in all)". */
    private static long total(Page page) {
        Locator position = page.locator(".audit-position");
        assertThat(position).hasText(Pattern.compile("\\((\\d+) in all\\)"));
        return Long.parseLong(position.textContent().replaceAll(".*\\((\\d+) in all\\).*", "$1"));
    }
}
