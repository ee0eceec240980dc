package io.fugue.chain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of docs/protocol.md (section Encodings), pinned: produced by this code and
 * cross-checked with an independent Python encoder written from that document. A change to any of
 * them is a change of the wire format.
 */
class EncodingVectorsTest {
  // The web3.js documentation's public test key; its address is 0x2c7536E3...65c23.
  static final Secp256k1PrivateKey KEY =
      Secp256k1PrivateKey.fromBytes(
          Bytes.fromHex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));

  static Transaction exampleTransfer() {
    Transfer t =
        new Transfer(
            ShardId.of(2),
            Address.fromHex("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"),
            Uint256.of(1_000_000_000_000_000_000L),
            Bytes.EMPTY);
    return Transfer.unsigned(1666, 0, ShardId.of(1), Uint256.of(21_000), t).sign(KEY);
  }

  @Test
  void shouldEncodeTheDocumentedTransfer() {
    Transaction tx = exampleTransfer();
    assertThat(tx.unsigned().signingPayload().toHex())
        .isEqualTo(
            "01e98206828001825208e002947e5f4552091a69125d5dfcb7b8c2659029395bdf880de0b6b3a764000080");
    assertThat(tx.unsigned().signingHash().toHex())
        .isEqualTo("9a66c49bc497920de52f02ad9863df3821ea4d55bf6e78ca6328e54ae2641d36");
    assertThat(tx.encode().toHex())
        .isEqualTo(
            "01f86c8206828001825208e002947e5f4552091a69125d5dfcb7b8c2659029395bdf880de0b6b3a7640000"
                + "80b841488df4e46903584f825f42cfa4964692abe355ce24c76dbc27f7443fcc29a40a59a638696624ba"
                + "a243e6c70a7213a2ca4a71df63ceac12afefa0b8bd79ecf8b200");
    assertThat(tx.hash().toHex())
        .isEqualTo("c98fbac39a04d214a568ef40f316338ea6e1398bdc53fc54532db4ebaa0c1fc5");
    assertThat(tx.sender()).contains(KEY.address());
  }

  @Test
  void shouldComputeTheDocumentedListRoots() {
    assertThat(
            ListRoot.of(List.of(Bytes.fromHex("01"), Bytes.fromHex("02"), Bytes.fromHex("03")))
                .toHex())
        .isEqualTo("ddd8883affb1b4ba02b49fe328db4cfc855ef19fec4e975ecf9b7c64dc4d0ab1");
    assertThat(ListRoot.of(List.of(exampleTransfer().encode())).toHex())
        .isEqualTo("5ffe92cbd65dba32cd61ac84582408e15c97b6787c5cf253d358863acf272685");
  }

  @Test
  void shouldHashTheDocumentedHeader() {
    BlockHeader h =
        BlockHeader.builder()
            .shardId(ShardId.of(1))
            .timestamp(1_764_000_000_000L)
            .txRoot(ListRoot.of(List.of(exampleTransfer().encode())))
            .build();
    assertThat(h.hash().toHex())
        .isEqualTo("0335340ae650558ff84317a8322b2dbae45811a4fcc62771850f8bee695cacf5");
  }
}
