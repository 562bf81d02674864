package org.zhijiao.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ScratchDirectoryTest {

    @Test
    void deletesItselfAndRemovesDirectoriesOfDeadJvms() throws Exception {
        Path abandoned;
        Path live;
        try (ScratchDirectory first = ScratchDirectory.create("test")) {
            live = first.path();
            // what a killed JVM leaves: an old, unlocked owner lock
            abandoned = Files.createDirectory(live.resolveSibling("test-abandoned"));
            Path lock = Files.createFile(abandoned.resolve(".owner.lock"));
            Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            Files.setLastModifiedTime(live.resolve(".owner.lock"), FileTime.from(Instant.now().minus(Duration.ofHours(1))));

            try (ScratchDirectory second = ScratchDirectory.create("test")) {
                assertFalse(Files.exists(abandoned));
                assertTrue(Files.exists(live), "a directory locked by a live JVM is kept");
            }
        }
        assertFalse(Files.exists(live));
    }
}
