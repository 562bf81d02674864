package org.zhijiao.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's bootstrap group admin: nobody can guess its id, let alone its secret (issue 11). */
class BootstrapClientTest {

    @TempDir
    Path dir;

    @Test
    void eachDataDirectoryGetsItsOwnUnguessableAdminIdAndSecretKeptOwnerOnly() throws Exception {
        Set<String> ids = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ServiceEnvironment.BootstrapClient client = ServiceEnvironment.bootstrapClient(dir.resolve("run" + i).resolve("secretariat.client"));
            ids.add(client.clientId());
            secrets.add(client.secret());
            // 6 random bytes after the prefix (2^48 ids to try), and a 32-byte secret on top
            assertTrue(client.clientId().matches("secretariat-[A-Za-z0-9_-]{8}"), client.clientId());
            assertTrue(client.secret().length() >= 43, "secret length " + client.secret().length());
        }
        assertEquals(20, ids.size(), "distinct ids");
        assertEquals(20, secrets.size(), "distinct secrets");

        Path file = dir.resolve("run0").resolve("secretariat.client");
        assertTrue(ids.contains(ServiceEnvironment.bootstrapClient(file).clientId()), "kept across runs");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
