/**
 * The audit trail: every event, appended once to a hash chain, so that a changed, removed or reordered entry is found
 * by walking the chain. The chain's encoding, the append and the verification live here; storage is a port.
 */
package io.taskflow.core.audit;
