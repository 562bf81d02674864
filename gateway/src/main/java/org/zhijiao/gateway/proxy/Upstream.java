package org.zhijiao.gateway.proxy;

import io.vertx.core.http.HttpClient;
import org.zhijiao.gateway.GatewayConfig;

/** A service behind the gateway at run time: its settings, its keep-alive pool and its breaker. */
record Upstream(String name, GatewayConfig.Upstream config, HttpClient client, CircuitBreaker breaker) {
}
