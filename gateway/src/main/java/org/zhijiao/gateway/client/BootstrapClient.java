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
 * very first admin can register the others. In prod there is no default secret; elsewhere a missing
 * one is generated and logged once.
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
        if (bootstrap.clientId().isEmpty()) {
            return;
        }
        String clientId = bootstrap.clientId().get();
        String secret = bootstrap.clientSecret().orElse(null);
        boolean generated = secret == null;
        if (generated && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warnf("No secret for the bootstrap client %s (zhijiao.gateway.bootstrap.client-secret); not creating it", clientId);
            return;
        }
        if (generated) {
            secret = hasher.newSecret();
        }
        if (clients.registerIfMissing(clientId, "Bootstrap group admin", bootstrap.organizationId(), Set.of(Roles.GROUP_ADMIN), secret)) {
            LOG.infof("Created the bootstrap client %s%s", clientId, generated ? " with the generated secret " + secret : "");
        }
    }
}
