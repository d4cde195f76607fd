/** The HTTP API on API Gateway (HTTP API, payload format 2.0): the one HTTP runtime of this module. */
package io.taskflow.adapters.aws.http;
