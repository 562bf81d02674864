package org.zhijiao.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PublicKey;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.security.Roles;

/** Verifies minted tokens the way a service does: RS256 signature with the stack's public key, issuer, audience, expiry. */
class TestTokensTest {

    private static JwtClaims verify(String token) throws InvalidJwtException {
        PublicKey key = LocalStackTestResource.stack().jwtKeys().publicKey();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(TestTokens.ISSUER)
                .setExpectedAudience(TestTokens.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireSubject()
                .build();
        return consumer.processToClaims(token);
    }

    @Test
    void mintsTokensTheServicesAccept() throws Exception {
        UUID org = UUID.randomUUID();

        JwtClaims claims = verify(TestTokens.token("client-1", org, Roles.SCHOOL, Roles.READ_ONLY));

        assertEquals("client-1", claims.getSubject());
        assertEquals(org.toString(), claims.getStringClaimValue("org"));
        assertEquals(List.of(Roles.READ_ONLY, Roles.SCHOOL), claims.getStringListClaimValue("groups").stream().sorted().toList());
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertEquals(3600, lifetime);
    }

    @Test
    void conveniences() throws Exception {
        UUID org = UUID.randomUUID();
        assertEquals(List.of(Roles.GROUP_ADMIN), verify(TestTokens.admin()).getStringListClaimValue("groups"));
        assertEquals(TestTokens.GROUP_ORG.toString(), verify(TestTokens.readOnly()).getStringClaimValue("org"));
        assertEquals(org.toString(), verify(TestTokens.school(org)).getStringClaimValue("org"));
        assertEquals(List.of(Roles.ENTERPRISE), verify(TestTokens.enterprise(org)).getStringListClaimValue("groups"));
        assertTrue(TestTokens.bearer("abc").equals("Bearer abc"));
    }

    @Test
    void negativeTokensAreRejected() {
        UUID org = UUID.randomUUID();
        InvalidJwtException expired = assertThrows(InvalidJwtException.class, () -> verify(TestTokens.expired("c", org, Roles.SCHOOL)));
        assertTrue(expired.hasExpired());
        InvalidJwtException forged = assertThrows(InvalidJwtException.class,
                () -> verify(TestTokens.signedWithUnknownKey("c", org, Roles.GROUP_ADMIN)));
        assertTrue(forged.getMessage().contains("signature"), forged.getMessage());
    }
}
