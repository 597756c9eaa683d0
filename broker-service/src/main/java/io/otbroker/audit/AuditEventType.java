package io.otbroker.audit;

/**
 * Every kind of audit event, with a stable name and code. Names and codes are part of the
 * product's interface (SIEM rules match on them): never renumber, only add.
 * Codes: OTB + four digits + I (information) or W (warning: a refusal or a detected problem).
 */
public enum AuditEventType {
    ZONE_CREATE("zone.create", "OTB1000I"),
    ZONE_UPDATE("zone.update", "OTB1001I"),
    ZONE_DELETE("zone.delete", "OTB1002I"),
    ASSET_CREATE("asset.create", "OTB1010I"),
    ASSET_UPDATE("asset.update", "OTB1011I"),
    ASSET_DELETE("asset.delete", "OTB1012I"),
    CONDUIT_CREATE("conduit.create", "OTB1020I"),
    CONDUIT_UPDATE("conduit.update", "OTB1021I"),
    CONDUIT_DELETE("conduit.delete", "OTB1022I"),
    CREDENTIAL_SET("credential.set", "OTB1030I"),
    CREDENTIAL_DELETE("credential.delete", "OTB1031I"),
    AUTH_MFA_MISSING("auth.mfa_missing", "OTB1100W"),
    AUDIT_VERIFY("audit.verify", "OTB1200I"),
    AUDIT_CHAIN_BROKEN("audit.chain_broken", "OTB1201W"),
    AUDIT_EXPORT("audit.export", "OTB1202I"),
    ACCESS_REQUEST("access.request", "OTB2000I"),
    ACCESS_APPROVE("access.approve", "OTB2001I"),
    ACCESS_DENY("access.deny", "OTB2002I"),
    ACCESS_CANCEL("access.cancel", "OTB2003I"),
    ACCESS_REVOKE("access.revoke", "OTB2004I"),
    GRANT_ACTIVATE("grant.activate", "OTB2005I"),
    GRANT_EXPIRE("grant.expire", "OTB2006I"),
    ACCESS_REQUEST_EXPIRE("access.request_expire", "OTB2007I"),
    ACCESS_REFUSE("access.refuse", "OTB2008W"),
    ACCESS_REVIEW_REFUSED("access.review_refused", "OTB2009W"),
    WEBHOOK_FAILED("webhook.failed", "OTB2100W"),
    SSH_KEY_ADD("ssh_key.add", "OTB3000I"),
    SSH_KEY_REVOKE("ssh_key.revoke", "OTB3001I"),
    SSH_LOGIN("ssh.login", "OTB3010I"),
    SSH_LOGIN_FAILED("ssh.login_failed", "OTB3011W"),
    SSH_FORWARD_REFUSED("ssh.forward_refused", "OTB3012W"),
    SSH_REQUEST_REFUSED("ssh.request_refused", "OTB3013W"),
    HOST_KEY_MISMATCH("host_key.mismatch", "OTB3014W"),
    SESSION_START("session.start", "OTB3020I"),
    SESSION_END("session.end", "OTB3021I"),
    SESSION_REFUSED("session.refused", "OTB3022W"),
    SESSION_TERMINATE("session.terminate", "OTB3023I"),
    SSH_USER_LOCKED("ssh.user_locked", "OTB3030W"),
    SSH_ADDRESS_BLOCKED("ssh.address_blocked", "OTB3031W"),
    CONNECT_CODE_ISSUE("connect_code.issue", "OTB3032I"),
    CONNECT_CODE_USE("connect_code.use", "OTB3033I"),
    CONNECT_CODE_REFUSED("connect_code.refused", "OTB3034W"),
    SSH_CHANNEL_REFUSED("ssh.channel_refused", "OTB3035W"),
    FILE_TRANSFER("file.transfer", "OTB3040I"),
    FILE_OPERATION_REFUSED("file.operation_refused", "OTB3041W"),
    FILE_CHANGE("file.change", "OTB3042I"),
    SESSION_SUPERVISION_WAIT("session.supervision_wait", "OTB3050I"),
    SESSION_SUPERVISED("session.supervised", "OTB3051I"),
    SESSION_UNSUPERVISED("session.unsupervised", "OTB3052W"),
    SESSION_WATCH_START("session.watch_start", "OTB3053I"),
    SESSION_WATCH_STOP("session.watch_stop", "OTB3054I"),
    SESSION_WATCH_DROPPED("session.watch_dropped", "OTB3055W"),
    SESSION_WATCH_REFUSED("session.watch_refused", "OTB3056W"),
    RECORDING_VERIFY("recording.verify", "OTB3057I"),
    RECORDING_VERIFY_FAILED("recording.verify_failed", "OTB3058W"),
    RECORDING_DOWNLOAD("recording.download", "OTB3059I"),
    TERMINAL_REFUSED("terminal.refused", "OTB3070W");

    private final String eventName;
    private final String code;

    AuditEventType(String eventName, String code) {
        this.eventName = eventName;
        this.code = code;
    }

    /** Dotted name, e.g. {@code zone.create}. */
    public String eventName() {
        return eventName;
    }

    /** Stable code, e.g. {@code OTB1000I}. */
    public String code() {
        return code;
    }
}
