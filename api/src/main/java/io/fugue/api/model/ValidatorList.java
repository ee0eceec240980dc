package io.fugue.api.model;

import java.util.List;

/** Every validator, ascending by operator address. */
public record ValidatorList(List<ValidatorView> validators) {
  public ValidatorList {
    validators = List.copyOf(validators);
  }
}
