package io.taskflow.core.task;

import java.util.List;

/** @param next the cursor of the following page, or null when this is the last one */
public record TaskPage(List<Task> items, TaskCursor next) {}
