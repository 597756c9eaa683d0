package io.otbroker.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.otbroker.recording.DesktopRecordings;
import io.otbroker.testsupport.Poll;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A remote desktop recording on the auditor's page, replayed in Guacamole's own player under the page's CSP: a
 * real Guacamole recording in the broker's store (red screen, then its left half blue 1.5 s later) plays, pauses
 * and seeks, and the player's canvas shows what was drawn when.
 */
@QuarkusTest
class GuacReplayBrowserTest extends ChromiumTest {

    private static final String RED = "255,0,0";
    private static final String BLUE = "0,0,255";
    /** The colour of pixel (x, y) of the desktop's canvas (the default layer, at least the recording's size). */
    private static final String PIXEL = "([x, y]) => { const canvas = [...document.querySelectorAll("
            + "'#guac-player canvas')].find((c) => c.width >= " + DesktopRecordings.WIDTH + "); if (!canvas) "
            + "return null; const d = canvas.getContext('2d').getImageData(x, y, 1, 1).data; "
            + "return `${d[0]},${d[1]},${d[2]}`; }";

    @Inject
    DesktopRecordings desktops;

    @Test
    void theAuditorReplaysAVerifiedDesktopRecordingInGuacamolesPlayer() {
        String asset = "hmi-" + UUID.randomUUID();
        UUID id = desktops.record("alice", asset, "RDP");
        Page audrey = browsers.loggedIn("audrey");
        audrey.locator("#history-asset").fill(asset);
        audrey.locator("#history-filters button[type=submit]").click();
        Locator row = audrey.locator("#history-table tr[data-session='" + id + "']");
        assertThat(row).containsText("RDP");
        assertThat(row.locator(".badge")).hasText("verified");

        row.locator("button.replay").click();
        assertThat(audrey.locator("#guac-play")).isEnabled();
        assertThat(audrey.locator("#guac-position")).hasText("0:00 / 0:03");
        assertEquals(List.of(DesktopRecordings.WIDTH + "px", DesktopRecordings.HEIGHT + "px"), audrey.evaluate(
                "() => { const d = document.querySelector('#guac-player > div > div'); "
                        + "return [d.style.width, d.style.height]; }"), "the display has the recording's size");
        awaitColour(audrey, 100, RED);

        audrey.locator("#guac-play").click();
        assertThat(audrey.locator("#guac-position")).hasText("0:03 / 0:03");
        assertThat(audrey.locator("#guac-play")).hasText("Play");
        awaitColour(audrey, 100, BLUE);
        awaitColour(audrey, 500, RED);

        audrey.locator("#guac-seek").fill("0");
        assertThat(audrey.locator("#guac-position")).hasText("0:00 / 0:03");
        awaitColour(audrey, 100, RED);
        audrey.locator("#guac-seek").fill("2000");
        awaitColour(audrey, 100, BLUE);
        Browsers.screenshot(audrey, "auditor-guac-replay");
        assertTrue(browsers.consoleErrors().isEmpty(), "no CSP violation or script error: " + browsers.consoleErrors());
    }

    /**
     * Waits until pixel (x, 240) of the desktop has {@code colour}. Why not waitForFunction: it compiles its
     * predicate in the page, which the page's CSP rightly refuses; evaluate runs outside the page's policy.
     */
    private static void awaitColour(Page page, int x, String colour) {
        Poll.until(() -> Optional.of(colour).filter(wanted -> wanted.equals(page.evaluate(PIXEL, List.of(x, 240)))),
                "pixel " + x + ",240 in " + colour);
    }
}
