package org.zhijiao.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request comes from, given the peer, its forwarding headers and the trusted proxies. */
class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("10.42.0.0/16", "192.168.7.3", "fd00::/8"));

    @Test
    void withoutATrustedPeerTheForwardingHeadersAreIgnored() {
        assertThat(addresses.resolve("203.0.113.5", null, List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
        assertThat(addresses.resolve("203.0.113.5", "for=198.51.100.1", List.of())).isEqualTo("203.0.113.5");
        assertThat(new ClientAddresses(List.of()).resolve("10.42.0.9", null, List.of("198.51.100.1"))).isEqualTo("10.42.0.9");
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheClient() {
        assertThat(addresses.resolve("10.42.3.4", null, List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        // what the client wrote itself (left of the hop the ingress added) cannot choose its key
        assertThat(addresses.resolve("10.42.3.4", null, List.of("1.2.3.4, 198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(addresses.resolve("10.42.3.4", null, List.of("1.2.3.4", "198.51.100.1, 192.168.7.3"))).isEqualTo("198.51.100.1");
        // only trusted hops: the leftmost one is as far as we can see
        assertThat(addresses.resolve("10.42.3.4", null, List.of("10.42.9.9"))).isEqualTo("10.42.9.9");
        assertThat(addresses.resolve("10.42.3.4", null, List.of())).isEqualTo("10.42.3.4");
    }

    @Test
    void theStandardForwardedHeaderIsPreferredAndItsSyntaxUnderstood() {
        assertThat(addresses.resolve("10.42.3.4", "for=198.51.100.1;proto=https, for=\"192.168.7.3:8443\"", List.of("6.6.6.6")))
                .isEqualTo("198.51.100.1");
        assertThat(addresses.resolve("fd00::1", "for=\"[2001:db8:cafe::17]:4711\"", List.of()))
                .isEqualTo("2001:db8:cafe:0:0:0:0:17");
    }

    @Test
    void garbageInTheChainStopsTheWalkWithoutAnyLookup() {
        assertThat(addresses.resolve("10.42.3.4", null, List.of("unknown"))).isEqualTo("10.42.3.4");
        assertThat(addresses.resolve("10.42.3.4", null, List.of("evil.example.com"))).isEqualTo("10.42.3.4");
        assertThat(addresses.resolve("10.42.3.4", null, List.of("999.1.1.1"))).isEqualTo("10.42.3.4");
        assertThat(addresses.resolve("10.42.3.4", "for=_hidden", List.of())).isEqualTo("10.42.3.4");
    }

    @Test
    void aMisconfiguredTrustedProxyFailsAtStart() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("ingress-nginx"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
