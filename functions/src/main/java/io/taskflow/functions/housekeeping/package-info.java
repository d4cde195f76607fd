/**
 * Clean-up: each owner of a table that grows contributes a {@link io.taskflow.functions.housekeeping.RetentionRule}
 * bean, and a scheduled clean-up job runs them all.
 */
package io.taskflow.functions.housekeeping;
