package io.otbroker.recording;

import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.otbroker.recorder.RecordingFormat;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.ManifestCodec;
import io.otbroker.recorder.chain.SegmentInputStream;
import io.otbroker.recorder.sign.PemKeys;
import io.otbroker.recorder.store.RecordingParts;
import io.otbroker.recorder.store.RecordingSource;
import io.otbroker.security.Caller;
import io.otbroker.security.Roles;
import io.otbroker.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sealed session recordings for auditors: the recording as the offline verifier reads it, its signed
 * manifest, a plain asciicast file or Guacamole stream for players, and verification now. Every download is
 * audited: who looked at which evidence is evidence too. Vendors and operators are refused.
 */
@Path("/api/recordings")
@Tag(name = "Recordings", description = "Signed session recordings")
@RolesAllowed(Roles.AUDITOR)
public class RecordingResource {

    static final String ASCIICAST = "application/x-asciicast";
    static final String ZIP = "application/zip";

    @Inject
    SessionRecordings recordings;

    @Inject
    RecordingVerification verification;

    @Inject
    AuditLog audit;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("{id}")
    @Produces(ZIP)
    @Operation(summary = "Download a recording", description = "A zip with the folder ID/ holding segments, "
            + "manifest and signature: unzip and run the offline verifier on ID with the broker's public key.")
    @APIResponse(responseCode = "404", description = "No sealed recording of that id")
    public Response zip(@PathParam("id") UUID id) {
        staffOnly();
        RecordingSource source = sealed(id);
        downloaded(id, "recording");
        StreamingOutput body = output -> writeZip(id, source, output);
        return Response.ok(body, ZIP).header("Content-Disposition", "attachment; filename=\"" + id + ".zip\"").build();
    }

    @GET
    @Path("{id}/manifest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed manifest of a recording", description = "Byte for byte as signed.")
    public byte[] manifest(@PathParam("id") UUID id) {
        staffOnly();
        byte[] manifest = manifestBytes(sealed(id));
        downloaded(id, "manifest");
        return manifest;
    }

    @GET
    @Path("{id}/cast")
    @Produces(ASCIICAST)
    @Operation(summary = "A terminal recording as one asciicast v2 file", description = "For players; not verified.")
    public Response cast(@PathParam("id") UUID id) {
        staffOnly();
        RecordingSource source = sealed(id);
        Manifest manifest = ManifestCodec.fromJson(manifestBytes(source));
        if (manifest.metadata().format() != RecordingFormat.ASCIICAST) {
            throw ProblemException.notFound("terminal recording");
        }
        downloaded(id, "cast");
        return Response.ok(stream(source, manifest), ASCIICAST)
                .header("Content-Disposition", "attachment; filename=\"" + id + ".cast\"").build();
    }

    @GET
    @Path("{id}/guac")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "A remote desktop recording as one Guacamole protocol stream",
            description = "Its segments in order, for Guacamole's session player; not verified.")
    @APIResponse(responseCode = "404", description = "No sealed Guacamole recording of that id")
    public Response guac(@PathParam("id") UUID id) {
        staffOnly();
        RecordingSource source = sealed(id);
        Manifest manifest = ManifestCodec.fromJson(manifestBytes(source));
        if (manifest.metadata().format() != RecordingFormat.GUACAMOLE) {
            throw ProblemException.notFound("Guacamole recording");
        }
        downloaded(id, "guac");
        return Response.ok(stream(source, manifest), MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"" + id + ".guac\"").build();
    }

    @POST
    @Path("{id}/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify a recording now", description = "Against the broker's signing key; the outcome "
            + "(VERIFIED, TAMPERED, INCOMPLETE, BAD_SIGNATURE, MISSING) is kept in the session history and audited.")
    public RecordingVerification.Result verify(@PathParam("id") UUID id) {
        staffOnly();
        return verification.verifyNow(id);
    }

    @GET
    @Path("public-key")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The broker's recording-signing public key (PEM)", description = "For the offline verifier.")
    public String publicKey() {
        return PemKeys.publicKeyPem(recordings.publicKey());
    }

    private RecordingSource sealed(UUID id) {
        return recordings.findSealed(new RecordingId(id)).orElseThrow(() -> ProblemException.notFound("recording"));
    }

    private void downloaded(UUID id, String part) {
        audit.record(AuditEventType.RECORDING_DOWNLOAD, "recording/" + id, Map.of("part", part));
    }

    /** The recording's segments as one stream, in the order the chain lists them. */
    private static StreamingOutput stream(RecordingSource source, Manifest manifest) {
        return output -> {
            try (InputStream recording = new SegmentInputStream(source, manifest.chain(), 0, 0)) {
                recording.transferTo(output);
            }
        };
    }

    private static byte[] manifestBytes(RecordingSource source) {
        try {
            return source.manifest().orElseThrow(() -> ProblemException.notFound("recording"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parts under the folder {@code ID/}, as the store keeps them (the verifier checks the folder's name). */
    private static void writeZip(UUID id, RecordingSource source, OutputStream output) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(output)) {
            for (int index : source.segmentIndexes()) {
                zip.putNextEntry(new ZipEntry(id + "/" + RecordingParts.segment(index)));
                try (InputStream segment = Channels.newInputStream(source.openSegment(index))) {
                    segment.transferTo(zip);
                }
                zip.closeEntry();
            }
            entry(zip, id + "/" + RecordingParts.MANIFEST, source.manifest().orElseThrow());
            Optional<byte[]> signature = source.signature();
            if (signature.isPresent()) {
                entry(zip, id + "/" + RecordingParts.SIGNATURE, signature.get());
            }
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** Why: recordings show every vendor's sessions; a vendor never reads them, whatever else the token says. */
    private void staffOnly() {
        if (!Caller.of(identity).actsAsStaff()) {
            throw new ForbiddenException();
        }
    }
}
