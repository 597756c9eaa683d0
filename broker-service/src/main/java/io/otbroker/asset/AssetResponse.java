package io.otbroker.asset;

import java.util.Comparator;
import java.util.List;

/**
 * An asset as the admin API shows it. The pinned host key is public information and is shown with
 * its SHA-256 fingerprint so admins can compare it with {@code ssh-keygen -l} on the asset.
 */
public record AssetResponse(long id, String name, String description, long zoneId, String zoneName,
        List<AssetEndpoint> endpoints, String sshHostKey, String sshHostKeyFingerprint) {

    static AssetResponse of(Asset asset) {
        List<AssetEndpoint> endpoints = asset.endpoints.stream()
                .sorted(Comparator.comparing(AssetEndpoint::protocol)).toList();
        return new AssetResponse(asset.id, asset.name, asset.description, asset.zone.id, asset.zone.name,
                endpoints, asset.sshHostKey, asset.pinnedHostKey().map(SshHostKey::fingerprint).orElse(null));
    }
}
