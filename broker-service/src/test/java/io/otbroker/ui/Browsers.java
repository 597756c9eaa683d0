package io.otbroker.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import io.otbroker.keycloak.RealmFiles;
import io.otbroker.testsupport.KeycloakResource;
import io.otbroker.testsupport.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for the UI tests, driven by Playwright with the machine's own Chromium (Playwright's
 * bundled driver runs offline; it never downloads a browser). Each user gets a browser context of their
 * own, logged in through Keycloak's real pages with password and one-time code.
 */
final class Browsers implements AutoCloseable {

    /** The Chromium to drive; {@code -Dotbroker.test.chromium=...} points elsewhere. */
    private static final Path CHROMIUM = Path.of(System.getProperty("otbroker.test.chromium", "/usr/bin/chromium"));
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final Playwright playwright;
    private final Browser browser;
    /** Script errors and console errors (e.g. Content-Security-Policy violations), which must never happen. */
    private final List<String> consoleErrors = new ArrayList<>();

    private Browsers(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts Chromium, or fails saying what is missing. */
    static Browsers launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("The UI tests need Chromium at " + CHROMIUM + " (Debian package 'chromium'), or set "
                    + "-Dotbroker.test.chromium to a Chromium executable.");
        }
        Playwright playwright;
        try {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        } catch (PlaywrightException e) {
            throw new AssertionError("Playwright's driver (bundled node) does not run here: " + e.getMessage(), e);
        }
        try {
            return new Browsers(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(FLAGS)));
        } catch (PlaywrightException e) {
            playwright.close();
            throw new AssertionError("Chromium at " + CHROMIUM + " did not start: " + e.getMessage(), e);
        }
    }

    /** A fresh browser context (own cookies) with one page, not logged in. */
    Page anonymous() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(KeycloakResource.brokerUrl()).setViewportSize(1280, 900).setTimezoneId("Europe/Berlin"));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        // Answers like the landing page's 401 are expected; script errors and CSP violations are not.
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(consoleErrors::add);
        return page;
    }

    /** A page of {@code user}, logged in through the landing page, Keycloak's password form and its code form. */
    Page loggedIn(String user) {
        Page page = anonymous();
        page.navigate("/");
        page.locator("#login").click();
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(RealmFiles.demoPassword());
        page.locator("input[name=password]").press("Enter");
        page.locator("input[name=otp]").fill(Tokens.currentCode(user));
        page.locator("input[name=otp]").press("Enter");
        page.locator("#user-name").waitFor();
        assertTrue(page.url().startsWith(KeycloakResource.brokerUrl()), "back on the broker: " + page.url());
        return page;
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<name>.png}. */
    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Console errors seen so far on any page (CSP violations show up here). */
    List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
