package io.taskflow.core.notification;

import io.taskflow.core.event.EventType;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides where one event's notification goes, from the user's preferences and the time of the event. In-app is
 * stored whenever it is chosen; e-mail and webhooks wait for no one, so quiet hours suppress them (they are recorded
 * as skipped, not postponed), and a webhook without a URL cannot be sent.
 */
public final class ChannelPolicy {
    public static final String QUIET_HOURS = "quiet hours";
    public static final String NO_WEBHOOK_URL = "no webhook url";

    private static final List<Channel> OUTSIDE = List.of(Channel.EMAIL, Channel.WEBHOOK);

    private ChannelPolicy() {}

    /**
     * @param wanted false when the user does not want events of this type: nothing is stored or sent
     * @param inApp store the notification in the user's in-app list
     * @param send the outside channels to send on
     * @param skipped outside channels the user chose that will not be sent now, with the reason
     */
    public record Decision(boolean wanted, boolean inApp, Set<Channel> send, Map<Channel, String> skipped) {
        public Decision {
            send = Collections.unmodifiableSet(send.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(send));
            skipped = Collections.unmodifiableMap(
                    skipped.isEmpty() ? new EnumMap<>(Channel.class) : new EnumMap<>(skipped));
        }

        static Decision none() {
            return new Decision(false, false, Set.of(), Map.of());
        }

        /** True when the decision leaves nothing to store or record. */
        public boolean isEmpty() {
            return !inApp && send.isEmpty() && skipped.isEmpty();
        }
    }

    public static Decision decide(NotificationPreferences preferences, EventType type, Instant at) {
        if (!preferences.wants(type)) {
            return Decision.none();
        }
        boolean quiet =
                preferences.quietHours() != null && preferences.quietHours().contains(at);
        var send = EnumSet.noneOf(Channel.class);
        var skipped = new EnumMap<Channel, String>(Channel.class);
        for (Channel channel : OUTSIDE) {
            if (!preferences.channels().contains(channel)) {
                continue;
            }
            if (quiet) {
                skipped.put(channel, QUIET_HOURS);
            } else if (channel == Channel.WEBHOOK && preferences.webhook() == null) {
                skipped.put(channel, NO_WEBHOOK_URL);
            } else {
                send.add(channel);
            }
        }
        return new Decision(true, preferences.channels().contains(Channel.IN_APP), send, skipped);
    }
}
