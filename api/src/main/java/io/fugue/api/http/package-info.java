/**
 * The HTTP plumbing shared by every endpoint: problem documents, OpenAPI request validation,
 * authentication and roles, rate limits, metrics, and the chain of handlers each endpoint gets.
 * Start with {@link io.fugue.api.http.EndpointBinder}.
 */
package io.fugue.api.http;
