package io.otbroker.security;

/**
 * Recognises the browser session: Quarkus' OIDC session cookie {@code q_session}, split into
 * {@code q_session_chunk_N} cookies when large. Matched by cookie name, never by substring, so a
 * cookie that merely contains the text does not count.
 */
public final class BrowserSession {

    static final String COOKIE = "q_session";

    private BrowserSession() {}

    /** Whether a {@code Cookie} request header (may be null) carries the session. */
    public static boolean presentIn(String cookieHeader) {
        if (cookieHeader == null) {
            return false;
        }
        for (String cookie : cookieHeader.split(";")) {
            String name = cookie.split("=", 2)[0].strip();
            if (name.equals(COOKIE) || name.startsWith(COOKIE + "_chunk_")) {
                return true;
            }
        }
        return false;
    }
}
