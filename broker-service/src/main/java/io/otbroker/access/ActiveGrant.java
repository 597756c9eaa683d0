package io.otbroker.access;

import io.otbroker.policy.SecurityLevel;
import java.time.Instant;

/**
 * A grant that holds now, as protocol adapters need it to open a session.
 *
 * @param grantId    the access request (and grant) id
 * @param vendor     the vendor's user name
 * @param assetId    the asset
 * @param assetName  the asset's name
 * @param level      the security level of the asset's zone
 * @param end        when the grant ends: sessions are cut then
 */
public record ActiveGrant(long grantId, String vendor, long assetId, String assetName, SecurityLevel level,
        Instant end) {}
