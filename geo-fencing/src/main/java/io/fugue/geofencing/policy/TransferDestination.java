package io.fugue.geofencing.policy;

import java.util.Objects;

/**
 * A country outside the fence to which the fence's data may be transferred, and on what basis.
 *
 * @param country the destination
 * @param basis the GDPR ground for transfers there
 */
public record TransferDestination(CountryCode country, LegalBasis basis)
    implements Comparable<TransferDestination> {
  public TransferDestination {
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(basis, "basis");
  }

  @Override
  public int compareTo(TransferDestination other) {
    int c = country.compareTo(other.country);
    return c != 0 ? c : basis.compareTo(other.basis);
  }
}
