package io.otbroker.connectcode;

/** What became of a code typed at the SSH door. Only {@link #ACCEPTED} lets the login through. */
public enum Redemption {
    /** Valid for the grant and vendor, unused and unexpired: now used. */
    ACCEPTED,
    /** No such code for this grant and vendor (mistyped, guessed, or replaced by a newer one). */
    WRONG,
    /** The code was right but its two minutes are over. */
    EXPIRED,
    /** The code was right but a login already used it. */
    USED;

    /** Why a login was refused, for the audit log. */
    public String reason() {
        return switch (this) {
            case ACCEPTED -> "connect code accepted";
            case WRONG -> "wrong connect code";
            case EXPIRED -> "connect code expired";
            case USED -> "connect code already used";
        };
    }
}
