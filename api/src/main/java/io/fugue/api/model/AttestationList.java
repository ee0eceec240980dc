package io.fugue.api.model;

import java.util.List;

/** A list of attestations (by subject or by issuer). */
public record AttestationList(List<AttestationView> attestations) {
  public AttestationList {
    attestations = List.copyOf(attestations);
  }
}
