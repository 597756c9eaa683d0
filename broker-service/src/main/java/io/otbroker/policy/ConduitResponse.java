package io.otbroker.policy;

import io.otbroker.asset.Protocol;
import java.util.List;

/** A conduit as the API shows it; longest grant and the session flags are the effective values. */
public record ConduitResponse(long id, String name, String description, long zoneId, String zoneName,
        List<Protocol> allowedProtocols, String timeZone, List<MaintenanceWindow> maintenanceWindows,
        String longestGrant, boolean uploadAllowed, boolean downloadAllowed, boolean execAllowed,
        boolean keepTransferredFiles, List<String> vendorOrganisations) {

    static ConduitResponse of(Conduit conduit) {
        return new ConduitResponse(conduit.id, conduit.name, conduit.description, conduit.zone.id, conduit.zone.name,
                conduit.allowedProtocols.stream().sorted().toList(), conduit.timeZone,
                List.copyOf(conduit.maintenanceWindows), conduit.longestGrant().toString(),
                conduit.uploadAllowed, conduit.downloadAllowed, conduit.execAllowed, conduit.keepTransferredFiles,
                conduit.vendorOrganisations.stream().sorted().toList());
    }
}
