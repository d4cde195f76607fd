/**
 * Secrets from AWS Secrets Manager (SDK v2, cached): the application's named secrets (the JWT signing key) and the
 * database credentials RDS manages. Nothing secret is in the code, the configuration or the Terraform variables.
 */
package io.taskflow.adapters.aws.secrets;
