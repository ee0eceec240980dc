/**
 * The node-side data-sharing services built together ({@link
 * io.fugue.datasharing.services.DataSharingServices}): the one factory the node wiring calls. Kept
 * out of the root package, which its parts import from, so the packages form no cycle.
 */
package io.fugue.datasharing.services;
