package io.otbroker.access;

import io.otbroker.asset.Asset;
import io.otbroker.asset.AssetEndpoint;
import io.otbroker.asset.Protocol;
import io.otbroker.policy.Conduit;
import io.otbroker.policy.MaintenanceWindow;
import io.otbroker.policy.RequestChecks;
import io.otbroker.policy.SecurityLevel;
import io.otbroker.policy.SecurityLevel.Supervision;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An asset as a vendor sees it: what may be requested and under which policy. Never shows where the
 * broker connects (hosts, ports) or any credential.
 *
 * @param protocols    protocols the asset speaks that some conduit admitting the vendor allows
 * @param longestGrant the longest grant any of those conduits allows (ISO-8601)
 * @param conduits     the conduits admitting the vendor, with their protocols and maintenance windows
 */
public record RequestableAsset(long id, String name, String description, String zoneName,
        SecurityLevel securityLevel, List<Protocol> protocols, int approvalsNeeded, String longestGrant,
        Supervision supervision, boolean perSessionMfa, boolean workOrderRequired, List<ConduitInfo> conduits) {

    /** One conduit into the asset's zone that admits the vendor. */
    public record ConduitInfo(String conduit, List<Protocol> protocols, String longestGrant, String timeZone,
            List<MaintenanceWindow> maintenanceWindows) {

        static ConduitInfo of(Conduit conduit) {
            return new ConduitInfo(conduit.name, conduit.allowedProtocols.stream().sorted().toList(),
                    RequestChecks.longestGrant(conduit).toString(), conduit.timeZone,
                    List.copyOf(conduit.maintenanceWindows));
        }
    }

    static RequestableAsset of(Asset asset, List<Conduit> admitting) {
        SecurityLevel level = asset.zone.securityLevel;
        Set<Protocol> spoken = asset.endpoints.stream().map(AssetEndpoint::protocol).collect(Collectors.toSet());
        List<Protocol> protocols = admitting.stream().flatMap(conduit -> conduit.allowedProtocols.stream())
                .filter(spoken::contains).distinct().sorted().toList();
        Duration longest = admitting.stream().map(RequestChecks::longestGrant).max(Comparator.naturalOrder())
                .orElse(Duration.ZERO);
        return new RequestableAsset(asset.id, asset.name, asset.description, asset.zone.name, level, protocols,
                level.approvalsNeeded(), longest.toString(), level.supervision(), level.perSessionMfa(),
                level.workOrderRequired(), admitting.stream().map(ConduitInfo::of).toList());
    }
}
