package org.zhijiao.gateway.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Client secrets: generated with 256 random bits, stored as bcrypt hashes (Elytron). Bcrypt is slow on
 * purpose (tens of milliseconds); a successful check is remembered briefly, keyed by the stored hash
 * and a SHA-256 of the presented secret, so a client fetching tokens often stays fast while a rotated
 * or revoked secret stops matching at once (the hash changes, and status is read every time).
 */
@ApplicationScoped
public class SecretHasher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final WildFlyElytronPasswordProvider PROVIDER = WildFlyElytronPasswordProvider.getInstance();

    private final Cache<String, Boolean> recentlyVerified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    public String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String hash(String secret) {
        return BcryptUtil.bcryptHash(secret);
    }

    public boolean matches(String secret, String storedHash) {
        String key = storedHash + ':' + sha256(secret);
        if (recentlyVerified.getIfPresent(key) != null) {
            return true;
        }
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            Password stored = factory.translate(ModularCrypt.decode(storedHash));
            boolean matches = factory.verify(stored, secret.toCharArray());
            if (matches) {
                recentlyVerified.put(key, Boolean.TRUE);
            }
            return matches;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored client secret hash cannot be read", e);
        }
    }

    private static String sha256(String secret) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
