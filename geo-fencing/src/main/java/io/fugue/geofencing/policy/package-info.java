/**
 * What a fence says, as pure values: countries, shards, data classes, permitted transfer
 * destinations with their legal basis, retention; and when two fences conflict. No I/O, no clocks.
 */
package io.fugue.geofencing.policy;
