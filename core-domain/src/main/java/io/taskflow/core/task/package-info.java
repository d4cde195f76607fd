/** Tasks: the aggregate, what may be said about it, queries over it, and the use cases that change it. */
package io.taskflow.core.task;
