package io.otbroker.ssh;

import java.util.Map;

/** An SSH server the tests start as the OT asset: where it listens, what it presents, how the broker logs in. */
public interface TestAsset extends AutoCloseable {

    /** Its port on loopback. */
    int port();

    /** Its host key as an asset's pinned key is written: an OpenSSH public-key line. */
    String hostKeyLine();

    /** The vault credential the broker logs in with: the body of {@code PUT /api/admin/assets/{id}/credential}. */
    Map<String, String> credential();
}
