package io.otbroker.demo;

import io.otbroker.asset.Asset;
import io.otbroker.asset.AssetEndpoint;
import io.otbroker.asset.Protocol;
import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.otbroker.policy.Conduit;
import io.otbroker.policy.MaintenanceWindow;
import io.otbroker.policy.SecurityLevel;
import io.otbroker.policy.SessionRules;
import io.otbroker.policy.Zone;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo plant: one zone per security level, a few assets and a conduit into each zone, seeded
 * into an empty database when {@code otbroker.demo.seed=true} (the {@code ./demo} command sets it).
 * Every row is created as the {@code system} actor and audited like an admin's change.
 */
@ApplicationScoped
public class DemoPlant {

    private static final Logger LOG = Logger.getLogger(DemoPlant.class);
    private static final String TIME_ZONE = "Europe/Berlin";
    private static final Set<DayOfWeek> WORKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    /** The demo realm's vendor organisations: Acme maintains the whole plant, Voltek only SL1 and SL2 zones. */
    private static final Set<String> BOTH_VENDORS = Set.of("acme-automation", "voltek-controls");
    private static final Set<String> ACME_ONLY = Set.of("acme-automation");

    @ConfigProperty(name = "otbroker.demo.seed", defaultValue = "false")
    boolean seed;

    @Inject
    AuditLog audit;

    @Inject
    DemoAsset demoAsset;

    void onStart(@Observes StartupEvent event) {
        if (seed) {
            start();
        }
    }

    /**
     * Seeds, then serves the demo asset. Why one start for both: the asset is served only once the plant
     * that names it exists, and two start observers of the same priority run in no defined order.
     */
    void start() {
        seedIfEmpty();
        demoAsset.start();
    }

    /** Seeds the demo plant unless the database already holds a zone (a restart keeps what is there). */
    @Transactional
    public boolean seedIfEmpty() {
        if (Zone.count() > 0) {
            return false;
        }
        Zone services = zone("Site services", "Historians and engineering file servers", SecurityLevel.SL1);
        Zone packaging = zone("Packaging line", "HMIs and PLCs of the packaging line", SecurityLevel.SL2);
        Zone water = zone("Water treatment control", "SCADA of the water treatment plant", SecurityLevel.SL3);
        Zone safety = zone("Safety systems", "Safety instrumented system engineering", SecurityLevel.SL4);

        asset("historian-01", "Process historian", services, endpoint(Protocol.SSH, 2201));
        asset("hmi-pack-01", "Packaging line HMI", packaging, endpoint(Protocol.VNC, 5901), endpoint(Protocol.RDP, 3389));
        asset("plc-eng-pack", "PLC engineering station, packaging", packaging, endpoint(Protocol.RDP, 3390));
        asset("scada-wt-01", "Water treatment SCADA server", water, endpoint(Protocol.SSH, 2203), endpoint(Protocol.RDP, 3391));
        asset("sis-eng-01", "Safety system engineering station", safety, endpoint(Protocol.SSH, 2204));

        // SL1 and SL2 allow commands without a shell, so that `ssh ... -- uptime` of the walk-through works.
        conduit("Vendor maintenance: site services", services, EnumSet.allOf(Protocol.class), Duration.ofHours(8),
                new SessionRules(true, true, true, false), aroundTheClock(), BOTH_VENDORS);
        conduit("Vendor maintenance: packaging line", packaging, EnumSet.of(Protocol.RDP, Protocol.VNC),
                Duration.ofHours(4), new SessionRules(true, true, true, false),
                workdays(LocalTime.of(6, 0), LocalTime.of(22, 0)), BOTH_VENDORS);
        conduit("Night window: water treatment", water, EnumSet.of(Protocol.SSH, Protocol.RDP), Duration.ofHours(2),
                new SessionRules(false, false, true, true),
                List.of(new MaintenanceWindow(DayOfWeek.TUESDAY, LocalTime.of(22, 0), LocalTime.of(2, 0)),
                        new MaintenanceWindow(DayOfWeek.THURSDAY, LocalTime.of(22, 0), LocalTime.of(2, 0))), ACME_ONLY);
        conduit("Supervised window: safety systems", safety, EnumSet.of(Protocol.SSH), Duration.ofHours(1),
                SessionRules.SHELL_ONLY, List.of(new MaintenanceWindow(DayOfWeek.SATURDAY, LocalTime.of(6, 0),
                        LocalTime.of(10, 0))), ACME_ONLY);
        LOG.info("Seeded the demo plant: 4 zones (SL1 to SL4), 5 assets, 4 conduits");
        return true;
    }

    private Zone zone(String name, String description, SecurityLevel level) {
        Zone zone = new Zone();
        zone.name = name;
        zone.description = description;
        zone.securityLevel = level;
        zone.persist();
        audit.record(AuditEventType.ZONE_CREATE, zone.subject(), Map.of("name", name, "securityLevel", level));
        return zone;
    }

    /** Demo assets listen on loopback; a real plant names its devices' addresses. */
    private static AssetEndpoint endpoint(Protocol protocol, int port) {
        return new AssetEndpoint(protocol, "127.0.0.1", port);
    }

    private void asset(String name, String description, Zone zone, AssetEndpoint... endpoints) {
        Asset asset = new Asset();
        asset.name = name;
        asset.description = description;
        asset.zone = zone;
        asset.endpoints.addAll(List.of(endpoints));
        asset.persist();
        audit.record(AuditEventType.ASSET_CREATE, asset.subject(), Map.of("name", name, "zone", zone.name));
    }

    private void conduit(String name, Zone zone, Set<Protocol> protocols, Duration longestGrant, SessionRules rules,
            List<MaintenanceWindow> windows, Set<String> vendorOrganisations) {
        List<String> loosening = List.copyOf(zone.securityLevel.violations(longestGrant, rules).keySet());
        if (!loosening.isEmpty()) {
            throw new IllegalStateException("Demo conduit '" + name + "' would loosen its zone: " + loosening);
        }
        Conduit conduit = new Conduit();
        conduit.name = name;
        conduit.zone = zone;
        conduit.allowedProtocols.addAll(protocols);
        conduit.timeZone = TIME_ZONE;
        conduit.maintenanceWindows.addAll(windows);
        conduit.longestGrantSeconds = longestGrant.toSeconds();
        conduit.uploadAllowed = rules.uploadAllowed();
        conduit.downloadAllowed = rules.downloadAllowed();
        conduit.execAllowed = rules.execAllowed();
        conduit.keepTransferredFiles = rules.keepTransferredFiles();
        conduit.vendorOrganisations.addAll(vendorOrganisations);
        conduit.persist();
        audit.record(AuditEventType.CONDUIT_CREATE, conduit.subject(), Map.of("name", name, "zone", zone.name,
                "vendorOrganisations", vendorOrganisations.stream().sorted().toList()));
    }

    /** Every day, 24 hours, back to back: the lowest level's conduit is always open, so the demo works any day. */
    private static List<MaintenanceWindow> aroundTheClock() {
        return EnumSet.allOf(DayOfWeek.class).stream()
                .map(day -> new MaintenanceWindow(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)).toList();
    }

    private static List<MaintenanceWindow> workdays(LocalTime start, LocalTime end) {
        return WORKDAYS.stream().map(day -> new MaintenanceWindow(day, start, end)).toList();
    }
}
