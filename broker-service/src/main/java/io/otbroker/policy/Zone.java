package io.otbroker.policy;

import io.otbroker.web.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/** An IEC 62443 zone: a group of assets sharing one target security level. */
@Entity
@Table(name = "zone")
public class Zone extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "security_level", nullable = false)
    public SecurityLevel securityLevel;

    /** The zone with this id, or a 404 problem. */
    public static Zone require(long id) {
        return Zone.<Zone>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("zone"));
    }

    public static Optional<Zone> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** How audit events name this zone. */
    public String subject() {
        return "zone/" + id;
    }
}
