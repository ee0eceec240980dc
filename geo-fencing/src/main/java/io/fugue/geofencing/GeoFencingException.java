package io.fugue.geofencing;

/** The root of the geo-fencing module's exceptions; the message is a reason a person can read. */
public class GeoFencingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GeoFencingException(String message) {
    super(message);
  }

  public GeoFencingException(String message, Throwable cause) {
    super(message, cause);
  }
}
