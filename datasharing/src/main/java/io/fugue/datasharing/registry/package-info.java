/**
 * The beacon chain's issuer and schema registry: {@link
 * io.fugue.datasharing.registry.RegistryModule} (the ledger module), {@link
 * io.fugue.datasharing.registry.RegistryRules} (who may do what) and {@link
 * io.fugue.datasharing.registry.RegistryState} (records and their state keys). Pure: no I/O.
 */
package io.fugue.datasharing.registry;
