package org.zhijiao.stack;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps two local stacks from sharing one persistent data directory. Released when the JVM exits. */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;

    private DataDirectoryLock(FileChannel channel) {
        this.channel = channel;
    }

    static DataDirectoryLock acquire(Path dataDir) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve(".lock"), CREATE, WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dataDir);
            }
            return new DataDirectoryLock(channel);
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw inUse(dataDir);
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("Could not lock " + dataDir, e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    @Override
    public void close() {
        close(channel);
    }

    private static IllegalStateException inUse(Path dataDir) {
        return new IllegalStateException(dataDir + " is in use by another running local stack; stop it first or choose another data directory");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing a lock channel has nothing to flush
            }
        }
    }
}
