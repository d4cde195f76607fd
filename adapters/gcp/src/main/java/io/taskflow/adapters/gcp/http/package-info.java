/** The HTTP API as an HTTP Cloud Function: the one HTTP runtime of this module. */
package io.taskflow.adapters.gcp.http;
