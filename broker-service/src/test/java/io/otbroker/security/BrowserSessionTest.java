package io.otbroker.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrowserSessionTest {

    @Test
    void recognisesTheSessionCookieAndItsChunksByName() {
        assertTrue(BrowserSession.presentIn("q_session=abc"));
        assertTrue(BrowserSession.presentIn("theme=dark; q_session_chunk_1=abc; q_session_chunk_2=def"));
    }

    @Test
    void aCookieThatOnlyContainsTheTextDoesNotCount() {
        assertFalse(BrowserSession.presentIn(null));
        assertFalse(BrowserSession.presentIn(""));
        assertFalse(BrowserSession.presentIn("my_q_session=1"));
        assertFalse(BrowserSession.presentIn("tracking=q_session"));
        assertFalse(BrowserSession.presentIn("q_sessionx=1"));
    }
}
