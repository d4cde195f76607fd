/**
 * Secrets from Azure Key Vault (the SDK's SecretClient, cached) with the function's managed identity: the application's
 * named secrets and the database password. Nothing secret is in the code, the app settings or the Terraform variables.
 */
package io.taskflow.adapters.azure.secrets;
