package io.otbroker.audit;

import io.otbroker.web.QueryParams;
import io.otbroker.web.TimeRange;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The filter query parameters shared by the audit search and the export, as the client sent them. */
public class AuditQueryParams {

    @RestQuery
    @Parameter(description = "Stable event code, e.g. OTB1000I")
    String code;

    @RestQuery
    @Parameter(description = "Event name, e.g. zone.create")
    String eventName;

    @RestQuery
    @Parameter(description = "User name of whoever caused the event, or 'system'")
    String actor;

    @RestQuery
    @Parameter(description = "What the event happened to, e.g. zone/3")
    String subject;

    @RestQuery
    @Parameter(description = "Earliest time, inclusive, as an ISO-8601 instant, e.g. 2025-01-31T08:00:00Z")
    String from;

    @RestQuery
    @Parameter(description = "Latest time, exclusive, as an ISO-8601 instant")
    String to;

    /** Validates the parameters; a bad one is a 400 problem naming it. */
    AuditFilter toFilter() {
        TimeRange range = TimeRange.parse(from, to);
        return new AuditFilter(QueryParams.blankToNull(code), QueryParams.blankToNull(eventName),
                QueryParams.blankToNull(actor), QueryParams.blankToNull(subject), range.from(), range.to());
    }
}
