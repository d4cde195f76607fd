/**
 * The local replay: a captured request or CloudEvent run through a function on this machine, with its cold-start
 * timings, and the in-memory request and response an HTTP function is called with outside the Functions Framework.
 */
package io.taskflow.adapters.gcp.replay;
