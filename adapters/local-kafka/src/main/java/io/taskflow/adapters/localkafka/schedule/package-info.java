/** The container runtime's in-process scheduler: triggers the reminder sweep and the clean-up job. */
package io.taskflow.adapters.localkafka.schedule;
