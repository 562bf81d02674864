package org.zhijiao.gateway.client;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import org.jboss.logging.Logger;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.gateway.GatewayConfig;

/**
 * The first group-admin client, from {@code ZHIJIAO_BOOTSTRAP_CLIENT_ID} / {@code _SECRET}, so that the
 * very first admin can register the others. Neither has a default: in prod both must be given (the id is
 * chosen by ops, so it is no guess), elsewhere missing ones are generated and logged once.
 */
@ApplicationScoped
public class BootstrapClient {

    private static final Logger LOG = Logger.getLogger(BootstrapClient.class);

    @Inject
    GatewayConfig config;

    @Inject
    ClientService clients;

    @Inject
    SecretHasher hasher;

    void create(@Observes StartupEvent startup) {
        GatewayConfig.Bootstrap bootstrap = config.bootstrap();
        boolean prod = LaunchMode.current() == LaunchMode.NORMAL;
        if (prod && (bootstrap.clientId().isEmpty() || bootstrap.clientSecret().isEmpty())) {
            if (bootstrap.clientId().isPresent() || bootstrap.clientSecret().isPresent()) {
                LOG.warn("Not creating the bootstrap client: set both zhijiao.gateway.bootstrap.client-id and -secret "
                        + "(ZHIJIAO_BOOTSTRAP_CLIENT_ID / _SECRET)");
            }
            return;
        }
        String clientId = bootstrap.clientId().orElseGet(() -> "admin-" + hasher.newSecret().substring(0, 12));
        boolean generated = bootstrap.clientSecret().isEmpty();
        String secret = bootstrap.clientSecret().orElseGet(hasher::newSecret);
        if (clients.registerIfMissing(clientId, "Bootstrap group admin", bootstrap.organizationId(), Set.of(Roles.GROUP_ADMIN), secret)) {
            LOG.infof("Created the bootstrap client %s%s", clientId, generated ? " with the generated secret " + secret : "");
        }
    }
}
