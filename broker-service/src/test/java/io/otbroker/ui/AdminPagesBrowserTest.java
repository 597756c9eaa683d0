package io.otbroker.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;
import io.otbroker.testsupport.KeycloakResource;
import io.otbroker.testsupport.PlantFixtures;
import io.otbroker.testsupport.SshKeygen;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The admin's page in headless Chromium: zones, conduits with maintenance windows, assets with endpoints and
 * pinned host keys, write-only credentials, field errors next to their fields, edit, delete and the 409 of
 * a zone still in use. Vendors and operators get no admin page.
 */
@QuarkusTest
class AdminPagesBrowserTest extends ChromiumTest {

    @Test
    void anAdminBuildsAndTearsDownAPlantModelFromThePage() throws Exception {
        String zone = PlantFixtures.unique("ui-zone");
        String conduit = PlantFixtures.unique("ui-conduit");
        String asset = PlantFixtures.unique("ui-asset");
        String hostKey = SshKeygen.generate(Files.createTempDirectory("ui-host-key"), "ed25519", 0).publicLine();
        Page adam = browsers.loggedIn("adam");
        assertEquals(KeycloakResource.brokerUrl() + "/admin/", adam.url(), "an admin lands on the plant model");
        assertThat(adam.locator("#account a[href='/admin/']")).hasAttribute("aria-current", "page");
        adam.onDialog(Dialog::accept);

        adam.locator("#zone-name").fill(zone);
        adam.locator("#zone-level").selectOption("SL2");
        adam.locator("#zone-description").fill("Packaging line");
        adam.locator("#zone-form button[type=submit]").click();
        assertThat(row(adam, "zone", zone)).containsText("Packaging line");

        createConduitWithAWindow(adam, conduit, zone);
        long assetId = createAssetAfterFixingItsFields(adam, asset, zone, hostKey);
        setsACredentialThatIsNeverShownBack(adam, asset, assetId);
        Browsers.screenshot(adam, "admin-plant-model");
        fitsATablet(adam);

        // Editing starts from what the broker holds, nested rows included, and saves it back.
        edit(adam, "zone", zone);
        adam.locator("#zone-description").fill("Packaging line 2");
        adam.locator("#zone-form button[type=submit]").click();
        assertThat(row(adam, "zone", zone)).containsText("Packaging line 2");
        edit(adam, "conduit", conduit);
        assertThat(adam.locator("[name='maintenanceWindows[0].start']")).hasValue("08:00");
        adam.locator("#conduit-description").fill("Vendor maintenance on weekdays");
        adam.locator("#conduit-form button[type=submit]").click();
        assertThat(adam.locator("#conduits")).containsText("Conduit " + conduit + " saved.");
        assertThat(row(adam, "conduit", conduit)).containsText("Mon 08:00–17:00 (Europe/Berlin)");
        edit(adam, "asset", asset);
        assertThat(adam.locator("[name='endpoints[0].host']")).hasValue("127.0.0.1");
        adam.locator("#asset-description").fill("Palletiser PLC gateway");
        adam.locator("#asset-form button[type=submit]").click();
        assertThat(row(adam, "asset", asset)).containsText("Palletiser PLC gateway");
        assertThat(row(adam, "asset", asset)).containsText("SSH 127.0.0.1:22");

        // Still in use: the broker's 409 says what to do first, and the zone stays.
        deleteButton(adam, "zone", zone).click();
        assertThat(adam.locator("#zone-list [role=alert]")).containsText(
                "was not deleted: Zone '" + zone + "' still has 1 asset(s) and 1 conduit(s); move or delete them first.");
        assertThat(row(adam, "zone", zone)).hasCount(1);

        deleteButton(adam, "asset", asset).click();
        assertThat(row(adam, "asset", asset)).hasCount(0);
        assertThat(adam.locator("#credential-form")).hasCount(0);
        deleteButton(adam, "conduit", conduit).click();
        assertThat(row(adam, "conduit", conduit)).hasCount(0);
        deleteButton(adam, "zone", zone).click();
        assertThat(row(adam, "zone", zone)).hasCount(0);
        assertThat(adam.locator("#zone-list")).containsText("Zone " + zone + " deleted.");
        assertTrue(browsers.consoleErrors().isEmpty(), "no CSP violation or script error: " + browsers.consoleErrors());
    }

    @Test
    void vendorsAndOperatorsGetNoAdminPage() {
        for (String user : List.of("alice", "oscar")) {
            Page page = browsers.loggedIn(user);
            assertThat(page.locator("#account a[href='/admin/']")).hasCount(0);
            Response answer = page.navigate("/admin/");
            assertEquals(403, answer.status(), user);
            assertFalse(page.content().contains("Plant model"), "no admin page content for " + user);
            assertEquals(403, page.request().get("/api/admin/assets/1/credential").status(), "nor credentials: " + user);
        }
    }

    private static void createConduitWithAWindow(Page adam, String conduit, String zone) {
        adam.locator("#conduit-name").fill(conduit);
        adam.locator("#conduit-zone").selectOption(new SelectOption().setLabel(zone + " (SL2)"));
        adam.locator("#conduit-time-zone").fill("Europe/Berlin");
        adam.locator("#conduit-form button", new Page.LocatorOptions().setHasText("Add window")).click();
        adam.locator("[name='maintenanceWindows[0].dayOfWeek']").selectOption("MONDAY");
        adam.locator("[name='maintenanceWindows[0].start']").fill("08:00");
        adam.locator("[name='maintenanceWindows[0].end']").fill("17:00");
        adam.locator("#conduit-organisations").fill("acme-automation");
        adam.locator("#conduit-longest-grant").fill("PT9H");
        adam.locator("#conduit-form button[type=submit]").click();
        // Longer than SL2 allows: refused next to the field, the rest of the form kept.
        assertThat(adam.locator("#conduit-longest-grant")).hasAttribute("aria-invalid", "true");
        assertThat(adam.locator("#conduit-longest-grant + .field-error")).containsText("must not exceed PT4H");
        assertThat(adam.locator("[name='maintenanceWindows[0].start']")).hasValue("08:00");
        adam.locator("#conduit-longest-grant").fill("PT2H");
        adam.locator("#conduit-form button[type=submit]").click();
        Locator row = row(adam, "conduit", conduit);
        assertThat(row).containsText("Mon 08:00–17:00 (Europe/Berlin)");
        assertThat(row).containsText("acme-automation");
        assertThat(row).containsText("2 h");
    }

    /** A bad port, then a bad host key: each marked at its field, nothing typed lost; then saved. */
    private static long createAssetAfterFixingItsFields(Page adam, String asset, String zone, String hostKey) {
        Locator port = adam.locator("[name='endpoints[0].port']");
        Locator key = adam.locator("#asset-host-key");
        adam.locator("#asset-name").fill(asset);
        adam.locator("#asset-zone").selectOption(new SelectOption().setLabel(zone + " (SL2)"));
        adam.locator("[name='endpoints[0].host']").fill("127.0.0.1");
        port.fill("70000");
        key.fill(hostKey);
        adam.locator("#asset-form button[type=submit]").click();
        assertThat(port).hasAttribute("aria-invalid", "true");
        assertThat(adam.locator("[name='endpoints[0].port'] + .field-error")).hasText(
                "endpoints[0].port must be a TCP port from 1 to 65535");
        assertThat(adam.locator("#asset-name")).hasValue(asset);
        assertThat(key).hasValue(hostKey);

        port.fill("22");
        key.fill("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRydW5jYXRlZA==");
        adam.locator("#asset-form button[type=submit]").click();
        assertThat(key).hasAttribute("aria-invalid", "true");
        assertThat(adam.locator("#asset-host-key + .field-error")).containsText("sshHostKey");
        assertThat(port).not().hasAttribute("aria-invalid", "true");
        assertThat(port).hasValue("22");

        key.fill(hostKey);
        adam.locator("#asset-form button[type=submit]").click();
        Locator row = row(adam, "asset", asset);
        assertThat(row).containsText("SSH 127.0.0.1:22");
        assertThat(row).containsText("SHA256:");
        return Long.parseLong(row.getAttribute("data-id"));
    }

    private static void setsACredentialThatIsNeverShownBack(Page adam, String asset, long assetId) {
        String secret = "Never-shown-" + UUID.randomUUID();
        row(adam, "asset", asset).locator("button", new Locator.LocatorOptions().setHasText("Credential")).click();
        Locator status = adam.locator("#credential-status");
        assertThat(status).containsText("No credential set");

        adam.locator("#credential-kind").selectOption("PRIVATE_KEY");
        adam.locator("#credential-username").fill("maint");
        adam.locator("#credential-secret").fill(secret);
        adam.locator("#credential-form button[type=submit]").click();
        assertThat(adam.locator("#credential-secret")).hasAttribute("aria-invalid", "true");
        assertThat(adam.locator("#credential-secret + .field-error")).containsText("must be a PEM or OpenSSH private key");
        assertThat(adam.locator("#credential-secret")).hasValue("");

        adam.locator("#credential-kind").selectOption("PASSWORD");
        adam.locator("#credential-secret").fill(secret);
        adam.locator("#credential-form button[type=submit]").click();
        assertThat(status).containsText("Set: password for user maint");
        assertThat(adam.locator("#credential-secret")).hasValue("");
        assertFalse(adam.content().contains(secret), "the secret is not in the page");
        APIResponse answer = adam.request().get("/api/admin/assets/" + assetId + "/credential");
        assertEquals(200, answer.status());
        assertTrue(answer.text().contains("\"set\":true"), answer.text());
        assertFalse(answer.text().contains(secret), "the API never answers with the secret");
    }

    /** At tablet width the page needs no sideways scrolling (wide tables scroll inside their panel). */
    private static void fitsATablet(Page page) {
        page.setViewportSize(768, 1024);
        assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling at tablet width");
        Browsers.screenshot(page, "admin-tablet");
        page.setViewportSize(1280, 900);
    }

    private static void edit(Page page, String noun, String name) {
        row(page, noun, name).locator("button", new Locator.LocatorOptions().setHasText("Edit")).click();
        assertThat(page.locator("#" + noun + "-form-title")).isFocused();
    }

    private static Locator row(Page page, String noun, String name) {
        return page.locator("#" + noun + "-table tr[data-name='" + name + "']");
    }

    private static Locator deleteButton(Page page, String noun, String name) {
        return row(page, noun, name).locator("button.danger");
    }
}
