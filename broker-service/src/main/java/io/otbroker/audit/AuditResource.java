package io.otbroker.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.security.Roles;
import io.otbroker.web.Paging;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Read-only access to the audit log for auditors and admins: search, export, chain verification.
 * Reading the log is itself audited (export and verification), because who looked at the
 * evidence and when is evidence too.
 */
@Path("/api/audit")
@Tag(name = "Audit", description = "The tamper-evident audit log")
@Produces(MediaType.APPLICATION_JSON)
// Only the roles that review evidence; vendors and operators are among those it watches.
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {

    static final String NDJSON = "application/x-ndjson";
    static final String SUBJECT = "audit";

    private static final Logger LOG = Logger.getLogger(AuditResource.class);

    @Inject
    AuditLog auditLog;

    @Inject
    AuditSearch search;

    @Inject
    AuditChainVerifier verifier;

    @Inject
    ObjectMapper mapper;

    @GET
    @Operation(summary = "Search audit events", description = "Matching events, newest first, one page at a time.")
    public AuditPage list(@BeanParam AuditQueryParams params,
            @Parameter(description = "0-based page index, default 0") @RestQuery String page,
            @Parameter(description = "Page size, 1 to 500, default 50") @RestQuery String size) {
        Paging paging = Paging.parse(page, size);
        return search.page(params.toFilter(), paging);
    }

    @GET
    @Path("export")
    @Produces(NDJSON)
    @Operation(summary = "Export audit events as JSON lines",
            description = "Matching events, oldest first, one JSON object per line, with their chain hashes.")
    public Response export(@BeanParam AuditQueryParams params) {
        AuditFilter filter = params.toFilter();
        auditLog.record(AuditEventType.AUDIT_EXPORT, SUBJECT, filter.parameters());
        // Bound the export to what is committed now (including its own export event), so a busy
        // broker cannot keep the stream growing.
        long lastSeq = search.lastSeq();
        StreamingOutput body = output -> writeLines(filter, lastSeq, output);
        return Response.ok(body, NDJSON)
                .header("Content-Disposition", "attachment; filename=\"audit.ndjson\"")
                .build();
    }

    @GET
    @Path("verify")
    @Operation(summary = "Verify the audit chain",
            description = "Recomputes every hash and names the first broken link. 200 whether intact or not.")
    public AuditVerification verify() {
        AuditVerification result = verifier.verify();
        if (result.intact()) {
            auditLog.record(AuditEventType.AUDIT_VERIFY, SUBJECT, Map.of("intact", true,
                    "eventsChecked", result.eventsChecked()));
        } else {
            LOG.warnf("Audit chain broken at seq %d: %s", result.firstBrokenSeq(), result.reason());
            auditLog.record(AuditEventType.AUDIT_CHAIN_BROKEN, SUBJECT, Map.of("intact", false,
                    "eventsChecked", result.eventsChecked(), "firstBrokenSeq", result.firstBrokenSeq(),
                    "reason", result.reason()));
        }
        return result;
    }

    private void writeLines(AuditFilter filter, long lastSeq, OutputStream output) throws IOException {
        OutputStream out = new BufferedOutputStream(output);
        long afterSeq = Long.MIN_VALUE;
        List<AuditEventView> batch;
        do {
            batch = search.exportBatch(filter, afterSeq, lastSeq);
            for (AuditEventView event : batch) {
                out.write(mapper.writeValueAsBytes(event));
                out.write('\n');
                afterSeq = event.seq();
            }
            out.flush();
        } while (batch.size() == AuditSearch.EXPORT_BATCH_SIZE);
    }
}
