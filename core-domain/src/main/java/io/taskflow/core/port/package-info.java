/** The outgoing ports every runtime fills in: persistence, publishing, hashing, tokens, time, ids and secrets. */
package io.taskflow.core.port;
