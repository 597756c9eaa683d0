package io.otbroker.ssh;

import java.io.IOException;

/**
 * The broker could not open its side of a session to the asset; the message says at which step, for the audit
 * log and the operators. Why fixed words: the underlying error's text comes from the network or the asset and
 * is kept as the cause only, out of the audit log.
 */
final class UpstreamFailure extends IOException {

    UpstreamFailure(String step, Throwable cause) {
        super(step, cause);
    }
}
