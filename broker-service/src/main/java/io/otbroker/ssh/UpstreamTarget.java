package io.otbroker.ssh;

import io.otbroker.asset.Asset;
import io.otbroker.asset.Protocol;
import io.otbroker.asset.SshHostKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.Optional;

/**
 * Where and as whom the broker reaches an asset over SSH, read from the asset's configuration only
 * (DESIGN §4: the server decides the target, never the client).
 *
 * @param host       the asset's SSH endpoint host
 * @param port       its port
 * @param pinnedKey  the pinned host key, if one is configured
 */
record UpstreamTarget(String host, int port, Optional<SshHostKey> pinnedKey) {

    /** The SSH target of asset {@code assetId}, or empty when the asset has no SSH endpoint (any more). */
    static Optional<UpstreamTarget> of(long assetId) {
        return QuarkusTransaction.requiringNew().call(() -> Asset.<Asset>findByIdOptional(assetId)
                .flatMap(asset -> asset.endpoints.stream().filter(endpoint -> endpoint.protocol() == Protocol.SSH)
                        .findFirst()
                        .map(endpoint -> new UpstreamTarget(endpoint.host(), endpoint.port(), asset.pinnedHostKey()))));
    }
}
