/**
 * The clean-up job: each table's owner states what it keeps and for how long as a {@link
 * io.taskflow.functions.housekeeping.RetentionRule}; {@link io.taskflow.functions.housekeeping.Housekeeping} runs
 * them all on a schedule, deleting in bounded chunks.
 */
package io.taskflow.functions.housekeeping;
