package io.otbroker.ssh;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a vendor asks for in the SSH user name: {@code ssh -p 2222 <vendor>:<asset>@<broker>}. Only the
 * vendor and the asset's name come from the client; where the asset is reached is decided by the broker.
 *
 * @param vendor    the vendor's user name (as in the broker's login)
 * @param assetName the asset's name
 */
public record SshTarget(String vendor, String assetName) {

    /** Vendor: a login name; asset: the asset name rule of the admin API. Anything else does not parse. */
    private static final Pattern USER = Pattern.compile("([A-Za-z0-9._@-]{1,255}):([a-z0-9][a-z0-9-]{0,62})");

    /** The target of an SSH user name, or empty when it is not of the form {@code vendor:asset}. */
    public static Optional<SshTarget> parse(String username) {
        Matcher matcher = USER.matcher(username == null ? "" : username);
        return matcher.matches() ? Optional.of(new SshTarget(matcher.group(1), matcher.group(2))) : Optional.empty();
    }
}
