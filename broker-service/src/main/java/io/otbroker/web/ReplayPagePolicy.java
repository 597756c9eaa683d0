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
 */
@ApplicationScoped
public class ReplayPagePolicy {

    /** Where the replaying pages live. */
    static final String PAGES = "/auditor";
    static final String HEADER = "Content-Security-Policy";
    private static final String SCRIPTS = "script-src 'self'";

    @ConfigProperty(name = "quarkus.http.header.\"Content-Security-Policy\".value")
    String policy;

    /** The broker's policy with WebAssembly allowed; unchanged (fail closed: no replay) if it has no such scripts rule. */
    static String withWebAssembly(String policy) {
        return policy.replace(SCRIPTS + ";", SCRIPTS + " 'wasm-unsafe-eval';");
    }

    void register(@Observes Filters filters) {
        String replayPolicy = withWebAssembly(policy);
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
