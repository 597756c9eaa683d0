package io.otbroker.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the real-browser tests: one headless Chromium per test class, started before its tests. */
abstract class ChromiumTest {

    static Browsers browsers;

    @BeforeAll
    static void startChromium() {
        browsers = Browsers.launch();
    }

    @AfterAll
    static void stopChromium() {
        if (browsers != null) {
            browsers.close();
            browsers = null;
        }
    }
}
