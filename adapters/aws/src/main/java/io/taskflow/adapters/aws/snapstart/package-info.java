/**
 * SnapStart readiness: CRaC hooks that prime each handler's heavy path before the snapshot and tidy what a restore
 * cannot keep (database connections, cached secrets).
 */
package io.taskflow.adapters.aws.snapstart;
