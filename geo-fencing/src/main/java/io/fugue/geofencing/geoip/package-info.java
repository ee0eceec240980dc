/**
 * The geo-IP cross-check of location claims: a country lookup over a MaxMind DB file ({@link
 * io.fugue.geofencing.geoip.MmdbCountryLookup}) and the comparison with a claim ({@link
 * io.fugue.geofencing.geoip.GeoIpCheck}). Loopback and private addresses are always unknown.
 */
package io.fugue.geofencing.geoip;
