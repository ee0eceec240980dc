/**
 * Login by account-key signature: single-use challenges and short-lived opaque bearer tokens, kept
 * in memory with expiry. Start with {@link io.fugue.api.auth.Authenticator}.
 */
package io.fugue.api.auth;
