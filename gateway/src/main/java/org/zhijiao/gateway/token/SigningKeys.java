package org.zhijiao.gateway.token;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.zhijiao.gateway.GatewayConfig;

/**
 * The key that signs the gateway's tokens and the public keys it publishes as a JWKS: the current one
 * and, during a rotation, the previous one, so tokens signed just before the switch stay valid. Key
 * ids are RFC 7638 thumbprints, the same on every replica without any coordination.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    String privateKeyLocation;

    @Inject
    GatewayConfig config;

    private PrivateKey privateKey;
    private String currentKeyId;
    private String jwks;

    @PostConstruct
    void load() {
        try {
            privateKey = KeyUtils.decodePrivateKey(read(privateKeyLocation));
            List<JsonWebKey> published = new ArrayList<>();
            published.add(jwk(publicKeyOf(privateKey)));
            if (config.token().previousPublicKeyLocation().isPresent()) {
                published.add(jwk(KeyUtils.decodePublicKey(read(config.token().previousPublicKeyLocation().get()))));
            }
            currentKeyId = published.get(0).getKeyId();
            jwks = new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (IOException | GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("Cannot load the token signing key from " + privateKeyLocation
                    + " (smallrye.jwt.sign.key.location)", e);
        }
    }

    /** Signs RS256 with the current key and names it in the {@code kid} header. */
    public String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(currentKeyId).algorithm(SignatureAlgorithm.RS256).sign(privateKey);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The published key set, {@code {"keys": [...]}}. */
    public String jwks() {
        return jwks;
    }

    private static JsonWebKey jwk(PublicKey key) throws JoseException {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return jwk;
    }

    private static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new GeneralSecurityException("The signing key must be an RSA private key (PKCS#8 PEM)");
        }
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }

    /** A PEM file, or a classpath resource when no such file exists. */
    private static String read(String location) throws IOException {
        Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        return Files.isRegularFile(file) ? Files.readString(file) : KeyUtils.readKeyContent(location);
    }
}
