package io.otbroker.access;

/** Example bodies shown in the OpenAPI document of the access API. */
final class AccessExamples {

    static final String REQUEST = """
            {"assetName": "hmi-pack-01", "protocols": ["RDP"], "start": "2026-03-02T08:00:00Z",
             "duration": "PT2H", "reason": "Update the HMI recipe screens", "workOrder": "WO-2026-0142"}""";

    static final String REQUEST_VIEW = """
            {"id": 42, "vendor": "alice", "vendorOrganisation": "acme-automation", "assetId": 2,
             "assetName": "hmi-pack-01", "zoneId": 2, "zoneName": "Packaging line",
             "conduitName": "Vendor maintenance: packaging line", "securityLevel": "SL2",
             "protocols": ["RDP"], "requestedStart": "2026-03-02T08:00:00Z", "requestedEnd": "2026-03-02T10:00:00Z",
             "requestedDuration": "PT2H", "reason": "Update the HMI recipe screens", "workOrder": "WO-2026-0142",
             "state": "APPROVED", "stateChangedBy": "oscar", "stateChangedAt": "2026-03-02T07:40:12Z",
             "createdAt": "2026-03-02T07:31:05Z", "pendingUntil": "2026-03-03T07:31:05Z", "approvalsNeeded": 1,
             "approvals": [{"operator": "oscar", "approvedAt": "2026-03-02T07:40:12Z"}],
             "grantStart": "2026-03-02T08:00:00Z", "grantEnd": "2026-03-02T10:00:00Z"}""";

    static final String REFUSED = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "The request is not valid.",
             "errors": [{"field": "duration", "message": "must not make the window longer than PT4H, the longest \
            grant through conduit 'Vendor maintenance: packaging line' into this SL2 zone"}]}""";

    static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "No such access request."}""";

    static final String CONFLICT = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "An access request that is ACTIVE cannot become CANCELLED."}""";

    static final String APPROVAL = """
            {"end": "2026-03-02T09:30:00Z", "comment": "Only the recipe screens, please"}""";

    static final String REASON = """
            {"reason": "The line runs a production order until Friday"}""";

    static final String CATALOGUE = """
            [{"id": 4, "name": "scada-wt-01", "description": "Water treatment SCADA server",
              "zoneName": "Water treatment control", "securityLevel": "SL3", "protocols": ["RDP", "SSH"],
              "approvalsNeeded": 2, "longestGrant": "PT2H", "supervision": "OPTIONAL", "perSessionMfa": true,
              "workOrderRequired": true, "conduits": [{"conduit": "Night window: water treatment",
              "protocols": ["RDP", "SSH"], "longestGrant": "PT2H", "timeZone": "Europe/Berlin",
              "maintenanceWindows": [{"dayOfWeek": "TUESDAY", "start": "22:00:00", "end": "02:00:00"}]}]}]""";

    private AccessExamples() {}
}
