package org.zhijiao.testing;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import org.zhijiao.commons.security.Roles;
import org.zhijiao.stack.JwtKeys;
import org.zhijiao.stack.LocalStack;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Mints the platform's JWTs for tests: RS256, issuer {@value #ISSUER}, audience {@value #AUDIENCE},
 * roles in {@code groups}, the caller's organization in {@code org}. Signed with the private key of
 * {@link LocalStackTestResource#stack()}, passed explicitly, so no signing configuration is needed.
 * <p>
 * Every method returns the compact token without the scheme; use {@link #bearer(String)} for an
 * {@code Authorization} header value, or REST Assured's {@code .auth().oauth2(token)}.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8080";
    public static final String AUDIENCE = "zhijiao";

    /** The organization of the group-level callers of {@link #admin()} and {@link #readOnly()}. */
    public static final UUID GROUP_ORG = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static final Duration LIFESPAN = Duration.ofHours(1);

    private TestTokens() {
    }

    /** A valid token for {@code subject} (the client id) of organization {@code org} with {@code roles}. */
    public static String token(String subject, UUID org, String... roles) {
        Instant now = Instant.now();
        return sign(subject, org, roles, now, now.plus(LIFESPAN), stackKey());
    }

    /** Like {@link #token}, but it expired an hour ago. */
    public static String expired(String subject, UUID org, String... roles) {
        Instant issued = Instant.now().minus(LIFESPAN).minus(LIFESPAN);
        return sign(subject, org, roles, issued, issued.plus(LIFESPAN), stackKey());
    }

    /** Like {@link #token}, but signed with a key the services do not trust. */
    public static String signedWithUnknownKey(String subject, UUID org, String... roles) {
        Instant now = Instant.now();
        return sign(subject, org, roles, now, now.plus(LIFESPAN), UnknownKey.PRIVATE_KEY);
    }

    /** A {@value Roles#GROUP_ADMIN} token for services launched on {@code stack} (benchmarks outside a Quarkus test). */
    public static String admin(LocalStack stack) {
        Instant now = Instant.now();
        return sign("bench-group-admin", GROUP_ORG, new String[] {Roles.GROUP_ADMIN}, now, now.plus(LIFESPAN),
                stack.jwtKeys().privateKey());
    }

    /** A {@value Roles#GROUP_ADMIN} of {@link #GROUP_ORG}. */
    public static String admin() {
        return token("test-group-admin", GROUP_ORG, Roles.GROUP_ADMIN);
    }

    /** A {@value Roles#READ_ONLY} caller of {@link #GROUP_ORG}. */
    public static String readOnly() {
        return token("test-read-only", GROUP_ORG, Roles.READ_ONLY);
    }

    /** A {@value Roles#SCHOOL} caller acting for the school {@code org}. */
    public static String school(UUID org) {
        return token("test-school-" + org, org, Roles.SCHOOL);
    }

    /** An {@value Roles#ENTERPRISE} caller acting for the enterprise {@code org}. */
    public static String enterprise(UUID org) {
        return token("test-enterprise-" + org, org, Roles.ENTERPRISE);
    }

    /** {@code "Bearer " + token}, the {@code Authorization} header value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String sign(String subject, UUID org, String[] roles, Instant issuedAt, Instant expiresAt, PrivateKey key) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .groups(Set.copyOf(Arrays.asList(roles)))
                .claim("org", org.toString())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(key);
    }

    private static PrivateKey stackKey() {
        return LocalStackTestResource.stack().jwtKeys().privateKey();
    }

    /** Generated on first use only: RSA key generation takes a noticeable moment. */
    private static final class UnknownKey {
        static final PrivateKey PRIVATE_KEY = JwtKeys.generateKeyPair().getPrivate();
    }
}
