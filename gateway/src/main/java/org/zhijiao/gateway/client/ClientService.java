package org.zhijiao.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.zhijiao.commons.aggregate.Where;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.web.ETags;
import org.zhijiao.commons.web.Ids;
import org.zhijiao.commons.web.Page;
import org.zhijiao.gateway.client.ClientDtos.ClientCredentials;
import org.zhijiao.gateway.client.ClientDtos.ClientRequest;
import org.zhijiao.gateway.client.ClientDtos.ClientView;
import org.zhijiao.gateway.ratelimit.Limit;

/** Registers, rotates and revokes clients, and checks their credentials for the token endpoint. */
@ApplicationScoped
public class ClientService {

    @Inject
    SecretHasher hasher;

    @Inject
    Clock clock;

    @Transactional
    public ClientCredentials register(ClientRequest request) {
        UUID id = Ids.newId();
        return create(id.toString(), request.name(), request.organizationId(), request.roles(), request.rateLimit(),
                hasher.newSecret());
    }

    /** Creates the bootstrap admin when no client has its id yet; returns whether it did. */
    @Transactional
    public boolean registerIfMissing(String clientId, String name, UUID organizationId, Set<String> roles, String secret) {
        if (ApiClient.count("clientId", clientId) > 0) {
            return false;
        }
        create(clientId, name, organizationId, roles, null, secret);
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClientView> list(UUID organizationId, String cursor, int limit) {
        return Where.all().and("organizationId = :organization", "organization", organizationId)
                .page(ApiClient.getEntityManager(), ApiClient.class, client -> client.id, cursor, limit)
                .map(ClientView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClientView> get(String clientId) {
        return find(clientId).map(ClientView::of);
    }

    @Transactional
    public ClientCredentials rotateSecret(String clientId, String ifMatch) {
        ApiClient client = active(clientId, ifMatch, "rotate the secret of");
        String secret = hasher.newSecret();
        client.secretHash = hasher.hash(secret);
        client.secretRotatedAt = Instant.now(clock);
        ApiClient.flush();
        return new ClientCredentials(ClientView.of(client), secret);
    }

    @Transactional
    public ClientView revoke(String clientId, String ifMatch) {
        ApiClient client = active(clientId, ifMatch, "revoke");
        client.status = ClientStatus.REVOKED;
        client.revokedAt = Instant.now(clock);
        ApiClient.flush();
        return ClientView.of(client);
    }

    @Transactional
    public ClientView changeRateLimit(String clientId, Limit limit, String ifMatch) {
        ApiClient client = active(clientId, ifMatch, "change the rate limit of");
        client.rateLimit(limit);
        ApiClient.flush();
        return ClientView.of(client);
    }

    /**
     * The active client with this id and secret, if any; never says which of the two was wrong, not even
     * by its timing.
     *
     * @throws SecretHasher.Busy when too many secret checks are running already
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApiClient> authenticate(String clientId, String secret) {
        Optional<ApiClient> client = find(clientId).filter(c -> c.status == ClientStatus.ACTIVE);
        if (client.isEmpty()) {
            // as slow as a wrong secret: the answer's timing must not tell which ids exist
            hasher.matchesNothing(secret);
            return Optional.empty();
        }
        return client.filter(c -> hasher.matches(secret, c.secretHash));
    }

    private ClientCredentials create(String clientId, String name, UUID organizationId, Set<String> roles, Limit limit,
            String secret) {
        ApiClient client = new ApiClient();
        client.id = Ids.newId();
        client.clientId = clientId;
        client.name = name;
        client.organizationId = organizationId;
        client.roles = roles.stream().sorted().toArray(String[]::new);
        client.secretHash = hasher.hash(secret);
        client.status = ClientStatus.ACTIVE;
        client.rateLimit(limit);
        client.createdAt = Instant.now(clock);
        client.secretRotatedAt = client.createdAt;
        client.persistAndFlush();
        return new ClientCredentials(ClientView.of(client), secret);
    }

    private ApiClient active(String clientId, String ifMatch, String action) {
        ApiClient client = find(clientId).orElseThrow(() -> ProblemException.notFound("Client", clientId));
        ETags.checkIfMatch(ifMatch, client.version);
        if (client.status != ClientStatus.ACTIVE) {
            throw ProblemException.invalidTransition("client", clientId, client.status, action);
        }
        return client;
    }

    private static Optional<ApiClient> find(String clientId) {
        return ApiClient.find("clientId", clientId).firstResultOptional();
    }
}
