package io.taskflow.core.notification;

/** The e-mail of one notification: the sentence as subject, the details below it. */
public final class NotificationEmail {
    private NotificationEmail() {}

    public static EmailMessage of(Contact to, Notification notification) {
        var body = new StringBuilder()
                .append("Hello ")
                .append(to.displayName() == null || to.displayName().isBlank() ? "there" : to.displayName())
                .append(",\n\n")
                .append(notification.message())
                .append("\n\n");
        if (notification.taskId() != null) {
            body.append("Task: ").append(notification.taskId()).append('\n');
        }
        body.append("Event: ")
                .append(notification.causeType().typeName())
                .append(' ')
                .append(notification.causeEventId())
                .append("\n\n")
                .append("You receive this because of your notification preferences (/me/preferences).\n");
        return new EmailMessage(to.email(), EmailMessage.SUBJECT_PREFIX + notification.message(), body.toString());
    }
}
