package io.otbroker.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Content-Security-Policy of the auditor's pages, which replay terminal recordings with the asciinema
 * player. Its terminal emulator is WebAssembly, and browsers compile WebAssembly only where the page's policy
 * allows {@code 'wasm-unsafe-eval'}. Why that is acceptable here, and only here: the keyword allows compiling
 * WebAssembly and nothing else (JavaScript {@code eval} would need {@code 'unsafe-eval'}, which stays refused),
 * scripts still load only from the broker, and every other page keeps the policy exactly as configured.
 * Guacamole's player (remote desktop recordings) keeps the desktop's state at keyframes as PNG {@code data:} URLs
 * and draws them back as images when seeking, so these pages also allow {@code data:} images: an image cannot run
 * script, and a {@code data:} one fetches nothing.
 */
@ApplicationScoped
public class ReplayPagePolicy {

    /** Where the replaying pages live. */
    static final String PAGES = "/auditor";
    static final String HEADER = "Content-Security-Policy";
    private static final String SCRIPTS = "script-src 'self'";
    private static final String IMAGES = "img-src 'self'";

    @ConfigProperty(name = "quarkus.http.header.\"Content-Security-Policy\".value")
    String policy;

    /**
     * The broker's policy with WebAssembly and {@code data:} images allowed; each unchanged (fail closed: no
     * replay) if the policy has no such rule.
     */
    static String forPlayers(String policy) {
        return policy.replace(SCRIPTS + ";", SCRIPTS + " 'wasm-unsafe-eval';").replace(IMAGES + ";", IMAGES + " data:;");
    }

    void register(@Observes Filters filters) {
        String replayPolicy = forPlayers(policy);
        filters.register(request -> {
            String path = request.normalizedPath();
            if (path.equals(PAGES) || path.startsWith(PAGES + "/")) {
                // Why at the end: the configured header is set by an earlier route; this one must replace it.
                request.addHeadersEndHandler(ignored -> request.response().headers().set(HEADER, replayPolicy));
            }
            request.next();
        }, 100);
    }
}
