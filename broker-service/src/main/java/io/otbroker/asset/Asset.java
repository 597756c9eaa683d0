package io.otbroker.asset;

import io.otbroker.policy.Zone;
import io.otbroker.web.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A device in a zone (PLC engineering station, HMI, SCADA server). Its name is what vendors type in
 * {@code ssh user:asset@broker}. Without a pinned SSH host key no SSH session to it will be allowed.
 */
@Entity
@Table(name = "asset")
public class Asset extends PanacheEntityBase {

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
    @CollectionTable(name = "asset_endpoint", joinColumns = @JoinColumn(name = "asset_id"))
    public List<AssetEndpoint> endpoints = new ArrayList<>();

    /** Pinned host key as one OpenSSH line without comment, or null when none is pinned. */
    @Column(name = "ssh_host_key")
    public String sshHostKey;

    /** The asset with this id, or a 404 problem. */
    public static Asset require(long id) {
        return Asset.<Asset>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("asset"));
    }

    public static Optional<Asset> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** The pinned host key, if any. */
    public Optional<SshHostKey> pinnedHostKey() {
        return Optional.ofNullable(sshHostKey).map(SshHostKey::parse);
    }

    /** How audit events name this asset. */
    public String subject() {
        return "asset/" + id;
    }
}
