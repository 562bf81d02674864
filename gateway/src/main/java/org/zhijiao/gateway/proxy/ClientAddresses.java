package org.zhijiao.gateway.proxy;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.zhijiao.gateway.GatewayConfig;

/**
 * The address a request really comes from, for limits keyed by address. Behind the ingress the peer is
 * the ingress controller's pod, so the forwarded chain ({@code Forwarded: for=…}, else
 * {@code X-Forwarded-For}) is read — but only as far as it was written by a configured trusted proxy
 * ({@code zhijiao.gateway.trusted-proxies}): walking from the right, the first hop that is not a trusted
 * proxy is the client. Anything a client wrote further left is ignored, so it cannot pick its own key.
 * Written here rather than with Quarkus' {@code quarkus.http.proxy.*}, which takes the leftmost
 * (client-written) X-Forwarded-For entry.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Cidr> trusted;

    @Inject
    public ClientAddresses(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return resolve(peer, request.getHeader("Forwarded"), request.headers().getAll("X-Forwarded-For"));
    }

    /** {@code forwarded}: the RFC 7239 header (preferred when present); {@code xForwardedFor}: every such header line. */
    String resolve(String peer, String forwarded, List<String> xForwardedFor) {
        InetAddress current = literal(peer);
        if (current == null) {
            return peer;
        }
        List<String> chain = forwarded != null && !forwarded.isBlank() ? forwardedFor(forwarded) : split(xForwardedFor);
        for (int i = chain.size() - 1; i >= 0 && isTrusted(current); i--) {
            InetAddress hop = literal(chain.get(i));
            if (hop == null) {
                break; // "unknown", an obfuscated name or garbage: the last trusted hop is as far as we can see
            }
            current = hop;
        }
        return current.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }

    private static List<String> split(List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String hop : line.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    /** The {@code for} parameters of an RFC 7239 header, in order; quotes, brackets and ports removed. */
    private static List<String> forwardedFor(String header) {
        List<String> hops = new ArrayList<>();
        for (String element : header.split(",")) {
            String value = "";
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                    value = pair.substring(eq + 1).trim();
                }
            }
            if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
                value = value.substring(1, value.length() - 1);
            }
            if (value.startsWith("[")) {
                int close = value.indexOf(']');
                value = close > 0 ? value.substring(1, close) : value;
            } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
                value = value.substring(0, value.indexOf(':')); // IPv4 with a port
            }
            hops.add(value);
        }
        return hops;
    }

    /** An IP literal, never a name: header values must not cause DNS lookups. */
    static InetAddress literal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try {
            if (candidate.indexOf(':') >= 0) {
                // brackets make the JDK parse it as an IPv6 literal and never ask DNS
                return InetAddress.getByName("[" + candidate + "]");
            }
            if (!IPV4.matcher(candidate).matches()) {
                return null;
            }
            byte[] bytes = new byte[4];
            String[] octets = candidate.split("\\.");
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(octets[i]);
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address or a range such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
    record Cidr(byte[] network, int prefixLength) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("zhijiao.gateway.trusted-proxies: not an address or CIDR range: " + text);
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("zhijiao.gateway.trusted-proxies: bad prefix length in " + text);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
