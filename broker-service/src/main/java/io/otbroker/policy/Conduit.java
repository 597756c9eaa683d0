package io.otbroker.policy;

import io.otbroker.asset.Protocol;
import io.otbroker.web.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An IEC 62443 conduit: the only allowed path from the vendor side into a zone, with the protocols,
 * weekly maintenance windows, longest grant, file transfer and commands without a shell it permits.
 */
@Entity
@Table(name = "conduit")
public class Conduit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String name;

    public String description;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "zone_id", nullable = false)
    public Zone zone;

    @ElementCollection
    @CollectionTable(name = "conduit_protocol", joinColumns = @JoinColumn(name = "conduit_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "protocol", nullable = false)
    public Set<Protocol> allowedProtocols = new HashSet<>();

    /** IANA time zone id the maintenance windows are expressed in. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @ElementCollection
    @CollectionTable(name = "conduit_window", joinColumns = @JoinColumn(name = "conduit_id"))
    public List<MaintenanceWindow> maintenanceWindows = new ArrayList<>();

    @Column(name = "longest_grant_seconds", nullable = false)
    public long longestGrantSeconds;

    @Column(name = "upload_allowed", nullable = false)
    public boolean uploadAllowed;

    @Column(name = "download_allowed", nullable = false)
    public boolean downloadAllowed;

    /** Whether vendors may run a command without a shell; off unless an admin switches it on. */
    @Column(name = "exec_allowed", nullable = false)
    public boolean execAllowed;

    /** Whether the broker keeps a copy of each transferred file's content (always in SL3 and SL4 zones). */
    @Column(name = "keep_transferred_files", nullable = false)
    public boolean keepTransferredFiles;

    /**
     * Vendor organisations (as in the token claim {@code vendor_org}) that may use this conduit.
     * Empty: no vendor may, so a new conduit admits nobody until an admin names who.
     */
    @ElementCollection
    @CollectionTable(name = "conduit_vendor_org", joinColumns = @JoinColumn(name = "conduit_id"))
    @Column(name = "organisation", nullable = false)
    public Set<String> vendorOrganisations = new HashSet<>();

    /** The conduit with this id, or a 404 problem. */
    public static Conduit require(long id) {
        return Conduit.<Conduit>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("conduit"));
    }

    public static Optional<Conduit> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public static List<Conduit> listInZone(Zone zone) {
        return list("zone", zone);
    }

    /** Whether a vendor belonging to {@code organisations} may use this conduit. */
    public boolean admitsAnyOf(Collection<String> organisations) {
        return organisations.stream().anyMatch(vendorOrganisations::contains);
    }

    public Duration longestGrant() {
        return Duration.ofSeconds(longestGrantSeconds);
    }

    /** When this conduit is open; access requests must lie inside it. */
    public MaintenanceSchedule schedule() {
        return new MaintenanceSchedule(ZoneId.of(timeZone), maintenanceWindows);
    }

    /** How audit events name this conduit. */
    public String subject() {
        return "conduit/" + id;
    }
}
