package org.zhijiao.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeysTest {

    @Test
    void writesPemFilesOnceAndLoadsThemAfterwards(@TempDir Path dir) throws Exception {
        JwtKeys created = JwtKeys.loadOrCreate(dir);
        JwtKeys loaded = JwtKeys.loadOrCreate(dir);

        assertEquals(created.publicKey(), loaded.publicKey());
        assertEquals(created.privateKey(), loaded.privateKey());
        assertEquals(2048, created.publicKey().getModulus().bitLength());
        assertTrue(Files.readString(dir.resolve(JwtKeys.PUBLIC_KEY_FILE)).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(Files.readString(dir.resolve(JwtKeys.PRIVATE_KEY_FILE)).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created.privateKeyPath())));
    }

    @Test
    void replacesAnIncompletePair(@TempDir Path dir) throws Exception {
        JwtKeys first = JwtKeys.loadOrCreate(dir);
        Files.delete(first.privateKeyPath());

        assertNotEquals(first.publicKey(), JwtKeys.loadOrCreate(dir).publicKey());
    }
}
