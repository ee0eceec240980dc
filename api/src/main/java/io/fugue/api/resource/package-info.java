/**
 * The REST resources under {@code /v1}: one sub-package per resource group, one class per endpoint,
 * each calling a backend port. Start with {@link io.fugue.api.resource.Resources}.
 */
package io.fugue.api.resource;
