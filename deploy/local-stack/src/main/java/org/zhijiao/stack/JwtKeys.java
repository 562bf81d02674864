package org.zhijiao.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs and verifies the platform's JWTs locally, as PEM files:
 * {@code publicKey.pem} (X.509 SubjectPublicKeyInfo, for {@code mp.jwt.verify.publickey.location}) and
 * {@code privateKey.pem} (PKCS#8, for {@code smallrye.jwt.sign.key.location}).
 */
public record JwtKeys(Path publicKeyPath, Path privateKeyPath, RSAPublicKey publicKey, RSAPrivateKey privateKey) {

    public static final String PUBLIC_KEY_FILE = "publicKey.pem";
    public static final String PRIVATE_KEY_FILE = "privateKey.pem";

    private static final String PUBLIC_KEY_LABEL = "PUBLIC KEY";
    private static final String PRIVATE_KEY_LABEL = "PRIVATE KEY";

    /** Loads the pair from {@code directory}, or generates it there when either file is missing. */
    public static JwtKeys loadOrCreate(Path directory) {
        Path publicKeyPath = directory.resolve(PUBLIC_KEY_FILE);
        Path privateKeyPath = directory.resolve(PRIVATE_KEY_FILE);
        try {
            if (!Files.exists(publicKeyPath) || !Files.exists(privateKeyPath)) {
                KeyPair pair = generateKeyPair();
                Files.createDirectories(directory);
                writePem(privateKeyPath, PRIVATE_KEY_LABEL, pair.getPrivate().getEncoded(), true);
                writePem(publicKeyPath, PUBLIC_KEY_LABEL, pair.getPublic().getEncoded(), false);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(readPem(publicKeyPath, PUBLIC_KEY_LABEL)));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateKeyPath, PRIVATE_KEY_LABEL)));
            return new JwtKeys(publicKeyPath, privateKeyPath, publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write JWT keys in " + directory, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Invalid JWT key files in " + directory + "; delete them to get new ones", e);
        }
    }

    /** A fresh RSA 2048 key pair. */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The files only: a record's own toString would print the keys. */
    @Override
    public String toString() {
        return "JWT keys " + publicKeyPath + ", " + privateKeyPath;
    }

    private static void writePem(Path file, String label, byte[] der, boolean secret) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.deleteIfExists(file);
        if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n", StandardCharsets.US_ASCII);
    }

    private static byte[] readPem(Path file, String label) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(file + " is not a PEM file with a " + label);
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
