/**
 * The event contract: the eight domain events, their CloudEvents envelope and the shape of their data. The Avro
 * schema of each type and version lives under {@code /schemas/<type>/v<n>.avsc}.
 */
package io.taskflow.core.event;
