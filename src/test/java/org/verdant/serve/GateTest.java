package org.verdant.serve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Host headers name this server (DNS rebinding is refused by this check). */
class GateTest {
    @Test
    void onLoopbackOnlyTheLoopbackNamesWithThePort() {
        Gate g = new Gate(null, false, "127.0.0.1", List.of(), false);
        assertThat(g.hostAllowed("127.0.0.1:8080", 8080)).isTrue();
        assertThat(g.hostAllowed("localhost:8080", 8080)).isTrue();
        assertThat(g.hostAllowed("[::1]:8080", 8080)).isTrue();
        assertThat(g.hostAllowed("localhost:8081", 8080)).isFalse();
        assertThat(g.hostAllowed("localhost", 8080)).isFalse();
        assertThat(g.hostAllowed("attacker.example:8080", 8080)).isFalse();
        assertThat(g.hostAllowed("127.0.0.1.attacker.example:8080", 8080)).isFalse();
    }

    @Test
    void aProxysNameIsAcceptedWithAnyPortAndEveryInterfaceAcceptsAnyNameWithThePort() {
        Gate proxied = new Gate(null, false, "10.0.0.5", List.of("Verdant.Example.org"), true);
        assertThat(proxied.hostAllowed("verdant.example.org", 8080)).isTrue();
        assertThat(proxied.hostAllowed("verdant.example.org:443", 8080)).isTrue();
        assertThat(proxied.hostAllowed("10.0.0.5:8080", 8080)).isTrue();
        assertThat(proxied.hostAllowed("10.0.0.6:8080", 8080)).isFalse();
        Gate every = new Gate(null, false, "0.0.0.0", List.of(), false);
        assertThat(every.hostAllowed("192.168.1.20:8080", 8080)).isTrue();
        assertThat(every.hostAllowed("192.168.1.20:9999", 8080)).isFalse();
    }
}
