package org.zhijiao.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class PlatformServiceTest {

    private static final Path ROOT = Path.of("../..");

    /** The run command starts each service with the JVM options its image has: one sizing, not two. */
    @Test
    void theRunCommandSizesTheJvmAsTheImageDoes() throws IOException {
        for (PlatformService service : PlatformService.values()) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    ROOT.resolve(service.module()).resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            List<String> imageOptions = List.of(properties.getProperty("quarkus.jib.jvm-additional-arguments").split(","));
            assertEquals(imageOptions, service.jvmOptions(), service.module() + " quarkus.jib.jvm-additional-arguments");
        }
    }

    /** A JDK that would refuse an unknown option still starts the services, only without native heap trimming. */
    @Test
    void nativeHeapTrimmingOnlyOnJdksThatHaveIt() {
        for (String version : List.of("17.0.11", "17.0.15", "21.0.3", "25")) {
            assertEquals(PlatformService.MEMBERSHIP.jvmOptions(),
                    PlatformService.MEMBERSHIP.jvmOptions(Runtime.Version.parse(version)), version);
        }
        for (String version : List.of("17.0.2", "17.0.10", "21.0.2", "19")) {
            List<String> options = PlatformService.MEMBERSHIP.jvmOptions(Runtime.Version.parse(version));
            assertFalse(options.stream().anyMatch(option -> option.startsWith("-XX:TrimNativeHeapInterval")), version);
            assertTrue(options.contains("-XX:+UseSerialGC"), version);
        }
    }
}
