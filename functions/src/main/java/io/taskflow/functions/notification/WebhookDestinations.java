package io.taskflow.functions.notification;

import io.micronaut.context.annotation.Value;
import io.taskflow.core.error.InvalidInputException;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where webhooks may go. A user names the URL, so without a check they could make the server call its own
 * loopback services, the private network or the cloud's metadata service (server-side request forgery). Every address
 * a host resolves to must be public: not loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7),
 * link-local (169.254/16 with the metadata address 169.254.169.254, fe80::/10), unspecified (0.0.0.0, ::), multicast
 * or broadcast, IPv6 forms embedding such an IPv4 address included. Checked when a URL is saved and again, on the
 * addresses actually connected to, when it is called ({@link HttpWebhookSender}): a DNS answer that changed in
 * between does not get through. {@code taskflow.webhook.allow-private} lifts the check (tests, a lab), {@code
 * taskflow.webhook.allowed-hosts} lifts it for the hosts it names.
 */
@Singleton
public class WebhookDestinations {
    private final boolean allowPrivate;
    private final Set<String> allowedHosts;

    public WebhookDestinations(
            @Value("${taskflow.webhook.allow-private:false}") boolean allowPrivate,
            @Value("${taskflow.webhook.allowed-hosts:}") List<String> allowedHosts) {
        this.allowPrivate = allowPrivate;
        this.allowedHosts = allowedHosts.stream()
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The check when a URL is saved: a host that resolves to a forbidden address is refused. One that does not resolve
     * now is accepted (DNS may be down, the name may come later): the call-time check still applies to it.
     *
     * @throws InvalidInputException naming {@code webhook.url}
     */
    public void checkSaved(URI url) {
        if (url == null) {
            return;
        }
        try {
            resolve(url.getHost());
        } catch (ForbiddenDestination e) {
            throw new InvalidInputException(
                    "webhook.url",
                    "must reach a public address; " + e.getMessage()
                            + " (loopback, private, link-local and metadata addresses are refused)");
        } catch (UnknownHostException e) {
            // Checked again at every call.
        }
    }

    /**
     * The addresses a call to {@code host} may connect to: all it resolves to, once each is checked.
     *
     * @throws ForbiddenDestination when any of them is forbidden
     * @throws UnknownHostException when it does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = InetAddress.getAllByName(name);
        if (allowPrivate || allowedHosts.contains(name.toLowerCase(Locale.ROOT))) {
            return addresses;
        }
        for (InetAddress a : addresses) {
            if (forbidden(a)) {
                throw new ForbiddenDestination(host + " resolves to " + a.getHostAddress());
            }
        }
        return addresses;
    }

    /** Whether an address is one a webhook must never reach. */
    static boolean forbidden(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return forbiddenV4(b);
        }
        if (a instanceof Inet6Address) {
            return forbiddenV6(b);
        }
        return true;
    }

    private static boolean forbiddenV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network"
                || first == 10
                || first == 127
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 169 && second == 254) // link-local, cloud metadata
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || first >= 224; // multicast, reserved, broadcast
    }

    private static boolean forbiddenV6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7 (also the fd00:ec2::254 metadata address)
            return true;
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) { // link-local fe80::/10
            return true;
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) { // deprecated site-local fec0::/10
            return true;
        }
        // IPv4 embedded: compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d; 6to4 2002:aabb:ccdd::
        boolean zeroPrefix = Arrays.equals(Arrays.copyOfRange(b, 0, 12), new byte[12]);
        boolean nat64 = (b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
        if (zeroPrefix || nat64) {
            return forbiddenV4(Arrays.copyOfRange(b, 12, 16));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return forbiddenV4(Arrays.copyOfRange(b, 2, 6));
        }
        return false;
    }

    /** A destination webhooks may not reach. An {@link UnknownHostException}, so HTTP clients treat it as no route. */
    public static final class ForbiddenDestination extends UnknownHostException {
        ForbiddenDestination(String message) {
            super(message);
        }
    }
}
