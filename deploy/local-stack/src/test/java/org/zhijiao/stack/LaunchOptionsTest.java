package org.zhijiao.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void defaults() {
        LaunchOptions options = LaunchOptions.parse();

        assertFalse(options.stackOnly());
        assertFalse(options.reset());
        assertEquals(Path.of(".zhijiao-data"), options.dataDir());
        assertEquals(15432, options.postgresPort());
        assertEquals(19092, options.kafkaPort());
        assertEquals(List.of(PlatformService.values()), options.services());
        assertEquals(8081, options.httpPorts().get(PlatformService.MEMBERSHIP));
        assertEquals(8080, options.httpPorts().get(PlatformService.GATEWAY));
        // docs/conventions.md: one management port per service, none colliding on one machine
        assertEquals(9081, options.managementPorts().get(PlatformService.MEMBERSHIP));
        assertEquals(9082, options.managementPorts().get(PlatformService.APPRENTICESHIP));
        assertEquals(9083, options.managementPorts().get(PlatformService.REPORTING));
        assertEquals(9080, options.managementPorts().get(PlatformService.GATEWAY));
    }

    @Test
    void everyFlag() {
        LaunchOptions options = LaunchOptions.parse("stack", "--reset", "--data-dir", "/tmp/z", "--pg-port=5433",
                "--kafka-port", "9093", "--services", "gateway, membership", "--port-gateway", "18080",
                "--management-port-gateway=19080");

        assertTrue(options.stackOnly());
        assertTrue(options.reset());
        assertEquals(Path.of("/tmp/z"), options.dataDir());
        assertEquals(5433, options.postgresPort());
        assertEquals(9093, options.kafkaPort());
        assertEquals(List.of(PlatformService.GATEWAY, PlatformService.MEMBERSHIP), options.services());
        assertEquals(18080, options.httpPorts().get(PlatformService.GATEWAY));
        assertEquals(8081, options.httpPorts().get(PlatformService.MEMBERSHIP));
        assertEquals(19080, options.managementPorts().get(PlatformService.GATEWAY));
        assertEquals(9081, options.managementPorts().get(PlatformService.MEMBERSHIP));
    }

    @Test
    void explainsMistakes() {
        assertEquals("Unknown service \"billing\"; known: membership,apprenticeship,reporting,gateway",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--services", "billing")).getMessage());
        assertEquals("--pg-port needs a port number (1-65535), got \"x\"",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--pg-port", "x")).getMessage());
        assertEquals("--kafka-port needs a value",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--kafka-port")).getMessage());
        assertEquals("Unknown argument \"--verbose\"",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--verbose")).getMessage());
    }
}
