/**
 * Token-bucket rate limiting per key (account or remote IP); pure, driven by a {@link
 * java.time.Clock}.
 */
package io.fugue.api.ratelimit;
