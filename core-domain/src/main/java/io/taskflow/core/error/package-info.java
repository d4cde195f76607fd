/** Expected business outcomes, as dedicated exceptions that every runtime maps once to its error format. */
package io.taskflow.core.error;
