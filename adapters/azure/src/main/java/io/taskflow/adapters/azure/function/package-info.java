/**
 * What every function of the Azure runtime shares: the worker's one application context, and publishing what an
 * invocation committed before it returns.
 */
package io.taskflow.adapters.azure.function;
