/**
 * The geo-fencing side of chain's fencing ports: {@link
 * io.fugue.geofencing.enforce.FenceEligibility} (committee membership) and {@link
 * io.fugue.geofencing.enforce.FenceAdmission} (gossip and sync), both judged from beacon state.
 */
package io.fugue.geofencing.enforce;
