package io.fugue.chain.consensus;

/** The signed vote kinds. The code is the first byte of the vote's signing payload. */
public enum Phase {
  PROPOSE(0x06),
  PREPARE(0x01),
  COMMIT(0x02);

  private final int code;

  Phase(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
