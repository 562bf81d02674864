package org.zhijiao.gateway.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.zhijiao.gateway.GatewayConfig;
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
 * <p>
 * Bcrypt on anonymous input is the cheapest way to load a replica, so at most
 * {@code token-endpoint.concurrent-secret-checks} run at once; the others wait briefly and are then
 * refused ({@link Busy}), which keeps worker threads and CPU for everything else. An unknown client id is
 * checked against a dummy hash of the same cost, so it takes as long as a wrong secret.
 */
@ApplicationScoped
public class SecretHasher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final WildFlyElytronPasswordProvider PROVIDER = WildFlyElytronPasswordProvider.getInstance();

    /** Thrown when no bcrypt check could start within {@code token-endpoint.secret-check-wait}. */
    public static final class Busy extends RuntimeException {
        public Busy() {
            super("Too many client secret checks at once", null, false, false);
        }
    }

    @Inject
    GatewayConfig config;

    private Semaphore checks;
    private long waitNanos;
    private String dummyHash;

    private final Cache<String, Boolean> recentlyVerified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    @PostConstruct
    void init() {
        checks = new Semaphore(config.tokenEndpoint().concurrentSecretChecks(), true);
        waitNanos = config.tokenEndpoint().secretCheckWait().toNanos();
        dummyHash = hash(newSecret());
    }

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
        boolean matches = verify(secret, storedHash);
        if (matches) {
            recentlyVerified.put(key, Boolean.TRUE);
        }
        return matches;
    }

    /** Spends what a real check costs and fails: for client ids that do not exist or are not active. */
    public boolean matchesNothing(String secret) {
        verify(secret, dummyHash);
        return false;
    }

    private boolean verify(String secret, String storedHash) {
        try {
            if (!checks.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            Password stored = factory.translate(ModularCrypt.decode(storedHash));
            return factory.verify(stored, secret.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored client secret hash cannot be read", e);
        } finally {
            checks.release();
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
