/**
 * Values and JSON records exchanged between the API shell and its backend ports. Hex values ({@link
 * io.fugue.api.model.HexBytes}, {@link io.fugue.api.model.AccountAddress}) serialise as {@code
 * 0x}-prefixed strings.
 */
package io.fugue.api.model;
