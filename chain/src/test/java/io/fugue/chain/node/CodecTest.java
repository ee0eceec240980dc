package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.consensus.Phase;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.consensus.SignerBitmap;
import io.fugue.chain.consensus.ValidatorSignature;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecTest {
  private final SyncLimits limits = SyncLimits.defaults();
  private final QuorumCertificate qc =
      new QuorumCertificate(
          Phase.COMMIT,
          9,
          2,
          Hash32.of(new byte[32]),
          new ValidatorSignature(Bytes.of(new byte[96])),
          SignerBitmap.of(10, List.of(0, 3, 9)));

  @Test
  void shouldRoundTripACommitProofStandaloneAndInAHeaderField() {
    Bytes enc = CommitProofCodec.encode(qc);
    assertThat(enc.size()).isEqualTo(8 + 8 + 32 + 96 + 2 + 2);
    assertThat(CommitProofCodec.decode(enc)).isEqualTo(qc);
    assertThat(CommitProofCodec.headerSigners(CommitProofCodec.headerBitmapField(qc)))
        .isEqualTo(qc.signers());
  }

  @Test
  void shouldRejectTruncatedTrailingAndOverfullProofs() {
    Bytes enc = CommitProofCodec.encode(qc);
    assertThatThrownBy(() -> CommitProofCodec.decode(enc.slice(0, enc.size() - 1)))
        .isInstanceOf(NodeException.class);
    assertThatThrownBy(() -> CommitProofCodec.decode(Bytes.concat(enc, bytes(0))))
        .isInstanceOf(NodeException.class);
    byte[] bad = enc.toArray();
    bad[bad.length - 1] = (byte) 0xFF; // bits beyond 10 members
    assertThatThrownBy(() -> CommitProofCodec.decode(Bytes.of(bad)))
        .isInstanceOf(NodeException.class);
    byte[] topBit = enc.toArray();
    topBit[0] = (byte) 0x80;
    assertThatThrownBy(() -> CommitProofCodec.decode(Bytes.of(topBit)))
        .isInstanceOf(NodeException.class);
  }

  @Test
  void shouldRoundTripSyncRequestsAndEnforceTheirBounds() {
    SyncCodec.Request r = new SyncCodec.Request(2, 100, 64);
    assertThat(SyncCodec.decodeRequest(SyncCodec.encode(r), limits)).isEqualTo(r);
    Bytes tooMany = SyncCodec.encode(new SyncCodec.Request(2, 100, 65));
    assertThatThrownBy(() -> SyncCodec.decodeRequest(tooMany, limits))
        .isInstanceOf(NodeException.class);
    assertThatThrownBy(() -> SyncCodec.decodeRequest(bytes(1, 1), limits))
        .isInstanceOf(NodeException.class);
  }

  @Test
  void shouldRejectMalformedSyncResponses() {
    Bytes good =
        SyncCodec.encode(
            new SyncCodec.Response(1, List.of(new SyncCodec.SyncedBlock(bytes(1, 2, 3), qc))));
    assertThat(SyncCodec.decodeResponse(good, limits).blocks()).hasSize(1);
    assertThatThrownBy(() -> SyncCodec.decodeResponse(good.slice(0, good.size() - 1), limits))
        .isInstanceOf(NodeException.class);
    assertThatThrownBy(() -> SyncCodec.decodeResponse(Bytes.concat(good, bytes(0)), limits))
        .isInstanceOf(NodeException.class);
    byte[] hugeLen = good.toArray();
    hugeLen[8] = (byte) 0x7F; // block length far beyond the bytes present
    assertThatThrownBy(() -> SyncCodec.decodeResponse(Bytes.of(hugeLen), limits))
        .isInstanceOf(NodeException.class);
    byte[] wrongType = good.toArray();
    wrongType[1] = 1;
    assertThatThrownBy(() -> SyncCodec.decodeResponse(Bytes.of(wrongType), limits))
        .isInstanceOf(NodeException.class);
  }

  private static Bytes bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return Bytes.of(out);
  }
}
