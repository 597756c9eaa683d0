package io.otbroker.recorder;

import io.otbroker.recorder.chain.ChainSummary;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.ManifestCodec;
import io.otbroker.recorder.sign.ManifestSigner;
import io.otbroker.recorder.store.RecordingDraft;

import java.io.IOException;
import java.time.Instant;

/** Writes the signed manifest of a draft and seals it; shared by a normal close and by crash recovery. */
final class Sealer {

    private final ManifestSigner signer;

    Sealer(ManifestSigner signer) {
        this.signer = signer;
    }

    Manifest seal(RecordingDraft draft, DraftDescription description, Instant end, Manifest.State state,
                  ChainSummary chain) throws IOException {
        Manifest manifest = new Manifest(description.metadata(), description.start(), end, state, chain, signer.keyId());
        byte[] json = ManifestCodec.toJson(manifest);
        draft.seal(json, signer.sign(json));
        return manifest;
    }
}
