package io.fugue.zk.oprf;

import java.util.List;

/** Too few valid node evaluations to combine; names the nodes whose answers were rejected. */
public final class ThresholdException extends OprfException {
  private static final long serialVersionUID = 1L;

  private final List<Integer> rejectedNodes;

  public ThresholdException(String message, List<Integer> rejectedNodes) {
    super(message);
    this.rejectedNodes = List.copyOf(rejectedNodes);
  }

  /** Indices of the nodes whose evaluation or proof did not verify. */
  public List<Integer> rejectedNodes() {
    return rejectedNodes;
  }
}
