/**
 * Node locations on the beacon chain: location attestors registered by governance, and the location
 * claims they sign binding a libp2p peer id and its BLS keys to a country until a beacon height.
 * Pure and deterministic; start with {@link io.fugue.geofencing.location.LocationClaim}.
 */
package io.fugue.geofencing.location;
