/**
 * What every Lambda handler of the AWS runtime shares around its translation: raw JSON in, the typed payload,
 * post-commit publishing, JSON out. The instance's one application context is {@code functions}' shared {@code
 * FunctionApplication}.
 */
package io.taskflow.adapters.aws.function;
