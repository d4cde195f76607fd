/**
 * Secrets from Google Secret Manager (cached): the application's named secrets (the JWT signing key, the encryption
 * key) and the database password. Nothing secret is in the code, the configuration or the Terraform variables.
 */
package io.taskflow.adapters.gcp.secrets;
