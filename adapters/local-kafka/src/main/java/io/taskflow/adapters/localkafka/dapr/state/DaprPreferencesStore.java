package io.taskflow.adapters.localkafka.dapr.state;

import io.dapr.client.DaprClient;
import io.dapr.client.domain.State;
import io.dapr.client.domain.StateOptions;
import io.dapr.exceptions.DaprException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.localkafka.dapr.DaprSettings;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.core.error.ConflictException;
import io.taskflow.core.notification.NotificationPreferences;
import io.taskflow.core.port.PreferencesStore;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Preferences in the Dapr state store ({@code taskflow.dapr.state-store}): one key per user, {@code preferences-<id>},
 * written first-write-wins with the ETag of the value it replaces. A change is a read followed by a write on the same
 * thread ({@code ManagePreferences.replace}); the write carries the ETag that read saw, so when another request saved
 * in between, the store refuses it and the caller gets 409 {@code conflict}: read again and retry. The list of digest
 * subscribers, which a key-value store cannot query, lives under a key of its own and is kept up to date by each save.
 */
@Singleton
@DaprRuntime
@Replaces(PreferencesStore.class)
public class DaprPreferencesStore implements PreferencesStore {
    static final String SUBSCRIBERS_KEY = "digest-subscribers";
    private static final int SUBSCRIBER_UPDATE_TRIES = 10;
    private static final StateOptions FIRST_WRITE =
            new StateOptions(StateOptions.Consistency.STRONG, StateOptions.Concurrency.FIRST_WRITE);

    /** The ETag of the last value this thread read, and whose it was; null ETag: there was none. */
    private record LastRead(UUID user, String etag) {}

    private final ThreadLocal<LastRead> lastRead = new ThreadLocal<>();
    private final DaprClient dapr;
    private final DaprSettings settings;
    private final JsonMapper json;

    public DaprPreferencesStore(DaprClient dapr, DaprSettings settings, JsonMapper json) {
        this.dapr = dapr;
        this.settings = settings;
        this.json = json;
    }

    static String key(UUID user) {
        return "preferences-" + user;
    }

    @Override
    public Optional<NotificationPreferences> find(UUID userId) {
        State<byte[]> state = read(key(userId));
        byte[] value = state.getValue();
        boolean present = value != null && value.length > 0;
        lastRead.set(new LastRead(userId, present ? state.getEtag() : null));
        if (!present) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(value, StoredPreferences.class).preferences());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable preferences of user " + userId, e);
        }
    }

    @Override
    public void save(UUID userId, NotificationPreferences preferences) {
        LastRead read = lastRead.get();
        lastRead.remove();
        String etag = read != null && read.user().equals(userId) ? read.etag() : null;
        try {
            write(key(userId), etag, json.writeValueAsBytes(StoredPreferences.of(preferences)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keepSubscriber(userId, preferences.digest());
    }

    @Override
    public List<UUID> digestSubscribers() {
        return subscribers(read(SUBSCRIBERS_KEY)).stream().sorted().toList();
    }

    /** Read-modify-write of the subscriber list; a concurrent change of it is simply read again. */
    private void keepSubscriber(UUID user, boolean subscribed) {
        for (int attempt = 1; ; attempt++) {
            State<byte[]> state = read(SUBSCRIBERS_KEY);
            List<UUID> users = new ArrayList<>(subscribers(state));
            if (users.contains(user) == subscribed) {
                return;
            }
            if (subscribed) {
                users.add(user);
            } else {
                users.remove(user);
            }
            try {
                boolean existed = state.getValue() != null && state.getValue().length > 0;
                write(
                        SUBSCRIBERS_KEY,
                        existed ? state.getEtag() : null,
                        json.writeValueAsBytes(
                                users.stream().map(UUID::toString).toList()));
                return;
            } catch (ConflictException e) {
                if (attempt == SUBSCRIBER_UPDATE_TRIES) {
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private List<UUID> subscribers(State<byte[]> state) {
        byte[] value = state.getValue();
        if (value == null || value.length == 0) {
            return List.of();
        }
        try {
            String[] ids = json.readValue(value, String[].class);
            return java.util.Arrays.stream(ids).map(UUID::fromString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable digest subscriber list", e);
        }
    }

    private State<byte[]> read(String key) {
        return dapr.getState(settings.stateStore(), key, byte[].class).block(settings.timeout());
    }

    /** @throws ConflictException when the ETag is no longer the stored one (or the key appeared meanwhile) */
    private void write(String key, String etag, byte[] value) {
        try {
            dapr.saveState(settings.stateStore(), key, etag, value, FIRST_WRITE).block(settings.timeout());
        } catch (DaprException e) {
            if (isEtagMismatch(e)) {
                throw new ConflictException(
                        "the preferences were changed by another request meanwhile; read them again and retry");
            }
            throw e;
        }
    }

    /** How the sidecar reports a failed first-write: ABORTED (mismatch) or an error naming the ETag. */
    static boolean isEtagMismatch(DaprException e) {
        String code = String.valueOf(e.getErrorCode()).toUpperCase(Locale.ROOT);
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return code.equals("ABORTED") || code.equals("ERR_STATE_ETAG_MISMATCH") || message.contains("etag");
    }
}
