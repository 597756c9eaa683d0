package io.otbroker.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import io.otbroker.access.AccessFixtures;
import io.otbroker.testsupport.KeycloakResource;
import io.otbroker.testsupport.SshKeygen;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The UI end to end in headless Chromium, through Keycloak's real login with one-time codes: the vendor
 * requests, an operator approves in a second browser context, and the vendor's page shows the grant
 * active and the SSH command without a reload. Plus what a vendor must never get.
 */
@QuarkusTest
class ApprovalFlowBrowserTest extends ChromiumTest {

    @Test
    void vendorRequestsOperatorApprovesAndTheVendorSeesTheGrantLive() throws Exception {
        AccessFixtures.Plant plant = AccessFixtures.plant("SL2");
        Page oscar = browsers.loggedIn("oscar");
        assertEquals(brokerUrl("/operator/"), oscar.url(), "an operator lands on the approval queue");
        assertThat(oscar.locator("#queue-live")).hasText("● live");

        Page alice = browsers.loggedIn("alice");
        assertEquals(brokerUrl("/vendor/"), alice.url(), "a vendor lands on their access page");
        assertThat(alice.locator("#account")).containsText("vendor");
        Locator card = alice.locator("li.card[data-asset='" + plant.assetName() + "']");
        assertThat(card).containsText("SL2");
        assertThat(card).containsText("1 operator");
        card.getByRole(AriaRole.BUTTON).click();
        assertThat(alice.locator("#request-policy")).containsText("Longest grant");
        alice.locator("#request-reason").fill("Replace the firmware of the drive controller");
        alice.locator("#request-work-order").fill("WO-4711");
        alice.locator("#access-request button[type=submit]").click();
        assertThat(alice.locator("#access-request")).containsText("sent: PENDING");
        Locator myRequest = alice.locator("#my-requests tr", new Page.LocatorOptions().setHasText(plant.assetName()));
        assertThat(myRequest).containsText("PENDING");
        String requestId = myRequest.getAttribute("data-request");
        assertTrue(alice.locator("#my-requests time[title$='UTC']").count() > 0, "times carry UTC on hover");
        addSshKey(alice);
        Browsers.screenshot(alice, "vendor");

        // The queue is live: the new request appears on the operator's open page without a reload.
        Locator queued = oscar.locator("#queue-table tr[data-request='" + requestId + "']");
        assertThat(queued).containsText("alice");
        Browsers.screenshot(oscar, "operator");
        queued.getByRole(AriaRole.BUTTON).click();
        assertThat(oscar.locator("#detail")).containsText("acme-automation");
        assertThat(oscar.locator("#detail")).containsText("WO-4711");
        oscar.locator("#approve-comment").fill("Firmware only, please");
        oscar.locator("#approve-form button[type=submit]").click();
        assertThat(oscar.locator("#detail")).containsText("ACTIVE");
        assertThat(oscar.locator("#queue")).not().containsText("#" + requestId);

        // The vendor's page follows without a reload and offers the SSH command from the broker.
        assertThat(myRequest).containsText("ACTIVE");
        assertThat(myRequest.locator("code.ssh-command")).hasText(Pattern.compile(
                "ssh -p \\d+ alice:" + plant.assetName() + "@localhost"));
        Browsers.screenshot(alice, "vendor-active-grant");

        assertTrue(browsers.consoleErrors().isEmpty(), "no CSP violation or script error: " + browsers.consoleErrors());
    }

    @Test
    void aVendorGetsNothingFromOperatorPagesOrOtherVendorsRequests() {
        AccessFixtures.Plant voltek = AccessFixtures.plant("SL2", "voltek-controls");
        long victorsRequest = AccessFixtures.request("victor", voltek);
        Page alice = browsers.loggedIn("alice");

        Response operatorPage = alice.navigate("/operator/");
        assertEquals(403, operatorPage.status());
        assertFalse(alice.content().contains("Approvals"), "no operator page content");
        Response watchPage = alice.navigate("/operator/watch.html?session=" + UUID.randomUUID());
        assertEquals(403, watchPage.status());
        assertFalse(alice.content().contains("Terminate"), "no watch page content");

        APIResponse othersRequest = alice.request().get("/api/access-requests/" + victorsRequest);
        assertEquals(404, othersRequest.status());
        assertFalse(othersRequest.text().contains("victor"), othersRequest.text());

        // CSRF: the same session cookie from another site is refused; the UI's own calls carry the broker's Origin.
        APIResponse crossSite = alice.request().post("/api/access-requests", RequestOptions.create()
                .setHeader("Origin", "https://evil.example").setHeader("Content-Type", "application/json")
                .setData("{}"));
        assertEquals(403, crossSite.status());
        assertTrue(crossSite.text().contains("Cross-site request refused"), crossSite.text());

        alice.navigate("/vendor/");
        alice.locator("#logout").click();
        assertThat(alice.locator("#login")).isVisible();
        assertEquals(401, alice.request().get("/api/me").status(), "logged out");
    }

    private static void addSshKey(Page alice) throws Exception {
        Path directory = Files.createTempDirectory("ui-key");
        SshKeygen.KeyPairFiles key = SshKeygen.generate(directory, "ed25519", 0);
        alice.locator("#ssh-public-key").fill(key.publicLine());
        alice.locator("#ssh-comment").fill("laptop");
        alice.locator("#ssh-key-form button[type=submit]").click();
        assertThat(alice.locator("#ssh-key-list")).containsText("laptop");
        assertThat(alice.locator("#ssh-key-list")).containsText("SHA256:");
    }

    private static String brokerUrl(String path) {
        return KeycloakResource.brokerUrl() + path;
    }
}
