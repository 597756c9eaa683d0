package io.otbroker.ssh;

import static io.otbroker.testsupport.AccessChecks.as;

import io.otbroker.testsupport.Poll;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Real recorded SSH sessions for tests in any package (the auditor's pages among them): alice's OpenSSH client
 * runs a command through the broker's front door on a fresh SL2 asset, under a grant oscar approved, so the
 * history row, the sealed recording and the audit events are the ones production makes.
 */
public final class RecordedSshSession implements AutoCloseable {

    private static final String HISTORY = "/api/sessions/history";

    private final TargetAsset target;

    private RecordedSshSession(TargetAsset target) {
        this.target = target;
    }

    /** Starts the target asset the sessions go to; close it after the tests. */
    public static RecordedSshSession startAsset() throws Exception {
        return new RecordedSshSession(TargetAsset.start());
    }

    /**
     * Runs {@code command} (the target's command set, e.g. {@code echo WORDS}) as alice through the front door
     * at {@code frontDoorPort} on a new asset, with a new key under {@code keyDir}; returns the asset's name.
     */
    public String run(int frontDoorPort, Path keyDir, String command) throws IOException, InterruptedException {
        String asset = SshFixtures.asset(target, target.hostKeyLine());
        SshFixtures.activeGrant(asset);
        VendorSsh.Result result = VendorSsh.run(frontDoorPort, SshFixtures.registeredKey("alice", keyDir),
                "alice:" + asset, List.of(), command);
        if (result.exitStatus() != 0) {
            throw new AssertionError("ssh ended with " + result.exitStatus() + ": " + result.stderr());
        }
        return asset;
    }

    /** The history page of {@code asset} as auditor audrey reads it, once its newest recording is verified. */
    public static JsonPath verifiedHistory(String asset) {
        return Poll.until(() -> {
            JsonPath page = as("audrey").get(HISTORY + "?asset=" + asset).then().statusCode(200).extract().jsonPath();
            return "VERIFIED".equals(page.getString("items[0].verification.status")) ? Optional.of(page)
                    : Optional.empty();
        }, "the session's verified recording");
    }

    /** Changes {@code original} to {@code replacement} in the first segment of sealed recording {@code id}. */
    public static void tamper(Path recordingsDir, UUID id, String original, String replacement) throws IOException {
        Path segment = recordingsDir.resolve("sealed").resolve(id.toString()).resolve("segment-000000.seg");
        String content = Files.readString(segment);
        if (!content.contains(original)) {
            throw new AssertionError("the recording does not hold '" + original + "'");
        }
        Files.writeString(segment, content.replace(original, replacement));
    }

    @Override
    public void close() throws Exception {
        target.close();
    }
}
