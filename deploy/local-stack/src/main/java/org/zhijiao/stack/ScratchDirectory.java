package org.zhijiao.stack;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * A temporary directory owned by this JVM, deleted by {@link #close()}.
 * <p>
 * It holds a file lock for its lifetime. The OS drops the lock when a JVM dies without cleaning up
 * (kill -9, a test fork killed on timeout), so the next scratch directory created on this machine
 * recognises the abandoned one, stops the PostgreSQL server that may still run from it and deletes it.
 */
final class ScratchDirectory implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ScratchDirectory.class);
    private static final String OWNER_LOCK = ".owner.lock";
    /** Between creating a directory and locking it, a directory looks abandoned; leave young ones alone. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final Path path;
    private final FileChannel lockChannel;

    private ScratchDirectory(Path path, FileChannel lockChannel) {
        this.path = path;
        this.lockChannel = lockChannel;
    }

    static ScratchDirectory create(String prefix) {
        // One parent per user: a parent created by root would not be writable for anybody else.
        Path parent = Path.of(System.getProperty("java.io.tmpdir"), "zhijiao-local-stack-" + System.getProperty("user.name"));
        FileChannel channel = null;
        try {
            Files.createDirectories(parent);
            removeAbandoned(parent);
            Path dir = Files.createTempDirectory(parent, prefix + "-");
            channel = FileChannel.open(dir.resolve(OWNER_LOCK), CREATE_NEW, WRITE);
            channel.lock();
            return new ScratchDirectory(dir, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not create a scratch directory under " + parent, e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        closeQuietly(lockChannel);
        deleteRecursively(path);
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(ScratchDirectory::deleteIfExists);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Could not delete " + root, e);
        }
    }

    private static void deleteIfExists(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeAbandoned(Path parent) throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, Files::isDirectory)) {
            for (Path dir : dirs) {
                removeIfAbandoned(dir);
            }
        }
    }

    private static void removeIfAbandoned(Path dir) {
        Path lockFile = dir.resolve(OWNER_LOCK);
        try {
            if (Files.getLastModifiedTime(lockFile).toInstant().isAfter(Instant.now().minus(GRACE))) {
                return;
            }
            try (FileChannel channel = FileChannel.open(lockFile, WRITE); FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    return; // its JVM is alive
                }
                LOG.infof("Removing %s, left behind by a JVM that did not shut down cleanly", dir);
                try (Stream<Path> pidFiles = Files.find(dir, 3, (p, a) -> p.endsWith("postmaster.pid"))) {
                    pidFiles.forEach(pidFile -> EmbeddedPostgresServer.stopLeftoverServer(pidFile.getParent()));
                }
                deleteRecursively(dir);
            }
        } catch (NoSuchFileException | OverlappingFileLockException e) {
            // not a scratch directory, already gone, or owned by this JVM
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not remove abandoned scratch directory %s: %s", dir, e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debugf(e, "Closing %s", channel);
            }
        }
    }
}
