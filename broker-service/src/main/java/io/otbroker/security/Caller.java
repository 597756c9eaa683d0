package io.otbroker.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller as the broker's features see it: user name, product roles and, for
 * vendors, the vendor organisations of the token claim {@code vendor_org} (Keycloak group names).
 */
public record Caller(String name, Set<String> roles, Set<String> vendorOrganisations) {

    private static final List<String> PRODUCT_ROLES = List.of(Roles.VENDOR, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN);

    public Caller {
        roles = Set.copyOf(roles);
        vendorOrganisations = Set.copyOf(vendorOrganisations);
    }

    /** The caller behind {@code identity}; a token without the claim belongs to no organisation. */
    public static Caller of(SecurityIdentity identity) {
        Set<String> roles = new TreeSet<>();
        PRODUCT_ROLES.stream().filter(identity::hasRole).forEach(roles::add);
        Set<String> organisations = new TreeSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("vendor_org") instanceof JsonArray orgs) {
            orgs.getValuesAs(JsonString.class).stream().map(JsonString::getString).forEach(organisations::add);
        }
        return new Caller(identity.getPrincipal().getName(), roles, organisations);
    }

    public boolean isVendor() {
        return roles.contains(Roles.VENDOR);
    }

    public boolean isOperator() {
        return roles.contains(Roles.OPERATOR);
    }

    /**
     * Whether the caller may act as plant staff (operator or auditor): see every vendor's requests and
     * the live queue. Why not for vendors: a vendor is never staff (separation of duties), so a token
     * that carries the vendor role acts as a vendor only, even if a realm mistake adds a staff role.
     */
    public boolean actsAsStaff() {
        return !isVendor() && (isOperator() || roles.contains(Roles.AUDITOR));
    }
}
