package org.zhijiao.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered overlays agree with the services' real configuration and with each other: images,
 * ports, probe paths, config keys, Secret and ConfigMap references, databases, Kafka, topics,
 * autoscaling, disruption budgets, network isolation and scraping.
 */
class WiringTest {

    private static final Repository REPO = Overlays.REPOSITORY;
    private static final long MIB = 1024 * 1024;
    /** Measured beside a 128–192 MiB heap: 150–250 MiB (docs/benchmarks.md, "Start-up and footprint"). */
    private static final long OFF_HEAP_ROOM = 256 * MIB;
    /** Consumers of events, which get a dead-letter topic each (docs/conventions.md). */
    private static final List<String> CONSUMERS = List.of("apprenticeship", "reporting");
    /**
     * Secrets that no manifest contains: ops create them (docs/operations.md, "Secrets and signing
     * keys"), with the keys listed here.
     */
    private static final Map<String, Set<String>> OPS_SECRETS = Map.of(
            "zhijiao-jwt-signing-key", Set.of("privateKey.pem"),
            "zhijiao-jwt-verification-keys", Set.of("publicKey.pem"));
    /** Keys of the Secret CloudNativePG generates for a cluster's application owner ({@code <cluster>-app}). */
    private static final Set<String> CNPG_APP_SECRET_KEYS =
            Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri");

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void everyServiceRunsItsOwnImageOnItsOwnPort(Platform p) {
        assertThat(p.ofKind("Deployment")).map(Platform::name).containsExactlyInAnyOrderElementsOf(REPO.SERVICES);
        for (String module : REPO.SERVICES) {
            Container app = container(p, module);
            String artifactId = REPO.artifactId(module);
            // Jib names the image <quarkus.container-image.group>/<artifactId>; README builds with group zhijiao
            String repository = app.getImage().substring(0, app.getImage().lastIndexOf(':'));
            String tag = app.getImage().substring(app.getImage().lastIndexOf(':') + 1);
            assertThat(repository).as(module + " image").matches("(.+/)?zhijiao/" + artifactId);
            assertThat(tag).as(module + " image tag").isNotBlank().isNotEqualTo("latest");
            if (p.overlay.equals("prod")) {
                assertThat(tag).as("prod runs released images").doesNotContain("SNAPSHOT");
            }
            Map<String, Integer> ports = app.getPorts().stream()
                    .collect(Collectors.toMap(port -> port.getName(), port -> port.getContainerPort()));
            assertThat(ports).as(module + " ports: the API, and the management interface for /q/*")
                    .isEqualTo(Map.of("http", REPO.httpPort(module), "management", REPO.managementPort(module)));
            String configuredPort = environment(p, module).get("QUARKUS_HTTP_PORT");
            assertThat(configuredPort).as(module + " QUARKUS_HTTP_PORT").isIn(null, String.valueOf(REPO.httpPort(module)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void probesUseTheRealHealthPathsAndShutdownIsGraceful(Platform p) {
        Map<String, String> health = REPO.healthPaths();
        Duration shutdown = Duration.parse("PT" + REPO.commonsDefaults().getProperty("quarkus.shutdown.timeout"));
        for (String module : REPO.SERVICES) {
            Container app = container(p, module);
            assertThat(httpGet(app.getStartupProbe())).isEqualTo(health.get("started"));
            assertThat(httpGet(app.getReadinessProbe())).isEqualTo(health.get("ready"));
            assertThat(httpGet(app.getLivenessProbe())).isEqualTo(health.get("live"));
            for (var probe : List.of(app.getStartupProbe(), app.getReadinessProbe(), app.getLivenessProbe())) {
                assertThat(probe.getHttpGet().getPort().getStrVal()).as(module + " probes read the management port")
                        .isEqualTo("management");
            }
            long preStop = app.getLifecycle().getPreStop().getSleep().getSeconds();
            assertThat(preStop).as("preStop delay lets endpoints drain").isPositive();
            assertThat(pod(p, module).getTerminationGracePeriodSeconds())
                    .as(module + " grace period covers the preStop delay and Quarkus' shutdown timeout")
                    .isGreaterThan(preStop + shutdown.toSeconds());
            var strategy = deployment(p, module).getSpec().getStrategy();
            assertThat(strategy.getRollingUpdate().getMaxUnavailable().getIntVal()).as("rollouts keep capacity").isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void containersAreLockedDownAndSized(Platform p) {
        for (String module : REPO.SERVICES) {
            PodSpec pod = pod(p, module);
            Container app = container(p, module);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(app.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(app.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(app.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(app.getResources().getRequests()).as(module + " requests").containsKeys("cpu", "memory");
            assertThat(app.getResources().getLimits()).as(module + " limits").containsKeys("cpu", "memory");
            // the image's heap is capped (-Xmx); metaspace, JIT code, stacks and buffers need room beside it
            long heap = maxHeapBytes(module);
            long limit = Quantity.getAmountInBytes(app.getResources().getLimits().get("memory")).longValueExact();
            long request = Quantity.getAmountInBytes(app.getResources().getRequests().get("memory")).longValueExact();
            assertThat(limit).as(module + " memory limit leaves room beside the heap of " + heap / MIB + " MiB")
                    .isGreaterThanOrEqualTo(heap + OFF_HEAP_ROOM);
            assertThat(request).as(module + " memory request").isGreaterThan(heap).isLessThanOrEqualTo(limit);
            assertThat(app.getVolumeMounts()).as("a writable /tmp on a read-only root")
                    .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        }
    }

    /** The image's maximum heap: {@code -Xmx} in {@code quarkus.jib.jvm-additional-arguments}. */
    private static long maxHeapBytes(String module) {
        String arguments = REPO.applicationProperties(module).getProperty("quarkus.jib.jvm-additional-arguments", "");
        Matcher xmx = Pattern.compile("-Xmx(\\d+)m").matcher(arguments);
        assertThat(xmx.find()).as(module + ": quarkus.jib.jvm-additional-arguments sets -Xmx<N>m").isTrue();
        return Long.parseLong(xmx.group(1)) * MIB;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void everyEnvironmentVariableIsAConfigKeyTheServiceReads(Platform p) {
        for (String module : REPO.SERVICES) {
            Map<String, String> byEnvName = REPO.configKeys(module).stream()
                    .collect(Collectors.toMap(Repository::envName, k -> k, (a, b) -> a));
            assertThat(environment(p, module).keySet()).as(module + " environment variables")
                    .allSatisfy(name -> assertThat(byEnvName).as("config key for " + name).containsKey(name));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void everyConfigMapAndSecretReferenceResolves(Platform p) {
        Map<String, Set<String>> secrets = new HashMap<>(OPS_SECRETS);
        p.ofKind("Cluster").forEach(c -> secrets.put(Platform.name(c) + "-app", CNPG_APP_SECRET_KEYS));
        for (String module : REPO.SERVICES) {
            Container app = container(p, module);
            for (var source : app.getEnvFrom()) {
                assertThat(source.getSecretRef()).as("no whole Secret in the environment").isNull();
                assertThat(p.find("ConfigMap", source.getConfigMapRef().getName())).as(source.getConfigMapRef().getName())
                        .isPresent();
            }
            for (EnvVar env : app.getEnv()) {
                assertThat(env.getValueFrom()).as(env.getName() + " comes from a Secret or ConfigMap").isNotNull();
                var secretRef = env.getValueFrom().getSecretKeyRef();
                if (secretRef != null) {
                    assertThat(secrets).as(env.getName()).containsKey(secretRef.getName());
                    assertThat(secrets.get(secretRef.getName())).as(env.getName()).contains(secretRef.getKey());
                }
                var configRef = env.getValueFrom().getConfigMapKeyRef();
                if (configRef != null) {
                    assertThat(p.get("ConfigMap", configRef.getName(), ConfigMap.class).getData())
                            .containsKey(configRef.getKey());
                }
            }
            for (Volume volume : pod(p, module).getVolumes()) {
                if (volume.getSecret() != null) {
                    assertThat(secrets).as("volume " + volume.getName()).containsKey(volume.getSecret().getSecretName());
                    volume.getSecret().getItems().forEach(item -> assertThat(secrets.get(volume.getSecret().getSecretName()))
                            .contains(item.getKey()));
                }
            }
        }
        String operations = REPO.read("docs/operations.md");
        assertThat(OPS_SECRETS.keySet()).as("docs/operations.md tells ops how to create")
                .allSatisfy(name -> assertThat(operations).contains(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void noSecretValueIsWrittenIntoTheManifests(Platform p) {
        assertThat(p.ofKind("Secret")).as("Secrets are generated by operators or created by ops").isEmpty();
        assertThat(p.all("ConfigMap", ConfigMap.class)).allSatisfy(cm -> assertThat(cm.getData().keySet())
                .as("ConfigMap " + cm.getMetadata().getName()).noneMatch(WiringTest::looksSecret));
        for (String module : REPO.SERVICES) {
            assertThat(container(p, module).getEnv()).filteredOn(env -> looksSecret(env.getName()))
                    .as(module + " credentials come from Secrets")
                    .allSatisfy(env -> assertThat(env.getValueFrom().getSecretKeyRef()).isNotNull());
        }
    }

    private static boolean looksSecret(String name) {
        return name.matches("(?i).*(password|secret|token|private).*");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void theTokenIssuerIsTheGatewaysPublicUrlForEveryService(Platform p) {
        String issuer = environment(p, "gateway").get("ZHIJIAO_JWT_ISSUER");
        assertThat(issuer).as("ZHIJIAO_JWT_ISSUER of the gateway").isNotNull();
        // RFC 8414: a URL without query or fragment (https where the Ingress has TLS); the gateway's public URL
        URI url = URI.create(issuer);
        assertThat(url.getScheme()).isIn("http", "https");
        assertThat(url.getQuery()).isNull();
        assertThat(url.getFragment()).isNull();
        assertThat(environment(p, "gateway").get("ZHIJIAO_GATEWAY_PUBLIC_URL")).isEqualTo(issuer);
        for (String module : REPO.SERVICES) {
            assertThat(environment(p, module).get("ZHIJIAO_JWT_ISSUER")).as(module + " verifies the gateway's tokens")
                    .isEqualTo(issuer);
        }
        // where the Ingress names its hosts, the issuer is one of them
        Set<String> hosts = new TreeSet<>();
        Set<String> tls = new TreeSet<>();
        p.all("Ingress", Ingress.class).forEach(i -> {
            i.getSpec().getRules().forEach(r -> {
                if (r.getHost() != null) {
                    hosts.add(r.getHost());
                }
            });
            i.getSpec().getTls().forEach(t -> tls.addAll(t.getHosts()));
        });
        assertThat(hosts).as("the Ingress hosts").contains(url.getHost());
        if (tls.contains(url.getHost())) {
            assertThat(url.getScheme()).isEqualTo("https");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void keyFilesAreMountedWhereTheConfigurationLooksForThem(Platform p) {
        for (String module : REPO.SERVICES) {
            Map<String, String> env = environment(p, module);
            List<String> files = new ArrayList<>(List.of(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION")));
            if (env.containsKey("SMALLRYE_JWT_SIGN_KEY_LOCATION")) {
                files.add(env.get("SMALLRYE_JWT_SIGN_KEY_LOCATION"));
            }
            assertThat(files).as(module + " key files").doesNotContainNull()
                    .allSatisfy(file -> assertThat(mountedFiles(p, module)).contains(file));
        }
        assertThat(environment(p, "gateway")).containsKey("SMALLRYE_JWT_SIGN_KEY_LOCATION");
        for (String module : REPO.SERVICES.subList(1, REPO.SERVICES.size())) {
            assertThat(pod(p, module).getVolumes()).as(module + " never sees the signing key")
                    .noneMatch(v -> v.getSecret() != null && v.getSecret().getSecretName().equals("zhijiao-jwt-signing-key"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void everyServiceUsesItsOwnDatabaseWithGeneratedCredentials(Platform p) {
        int pool = Integer.parseInt(REPO.commonsDefaults().getProperty("quarkus.datasource.jdbc.max-size"));
        Set<String> clusters = new TreeSet<>();
        for (String module : REPO.SERVICES) {
            URI jdbc = URI.create(environment(p, module).get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
            String cluster = jdbc.getHost().replaceFirst("-rw$", "");
            assertThat(jdbc.getHost()).as(module + " connects to the primary").endsWith("-rw");
            assertThat(jdbc.getPort()).isEqualTo(5432);
            JsonNode spec = p.find("Cluster", cluster).orElseThrow(() -> new AssertionError("no Cluster " + cluster)).path("spec");
            String database = REPO.database(module);
            assertThat(jdbc.getPath()).isEqualTo("/" + database);
            assertThat(spec.path("bootstrap").path("initdb").path("database").asText()).isEqualTo(database);
            assertThat(spec.path("bootstrap").path("initdb").path("owner").asText()).isEqualTo(database);
            for (EnvVar env : container(p, module).getEnv()) {
                if (env.getName().startsWith("QUARKUS_DATASOURCE_")) {
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo(cluster + "-app");
                }
            }
            int maxReplicas = p.get("HorizontalPodAutoscaler", module, HorizontalPodAutoscaler.class).getSpec().getMaxReplicas();
            int maxConnections = Integer.parseInt(spec.path("postgresql").path("parameters").path("max_connections").asText("100"));
            assertThat(maxConnections).as(cluster + " max_connections for every replica's full pool")
                    .isGreaterThan(maxReplicas * pool);
            clusters.add(cluster);
        }
        assertThat(clusters).as("one cluster per service").hasSize(REPO.SERVICES.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void servicesReachKafkaThroughItsListener(Platform p) {
        Kafka kafka = single(p.all("Kafka", Kafka.class));
        String cluster = kafka.getMetadata().getName();
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> !l.isTls()).findFirst().orElseThrow();
        for (String module : REPO.SERVICES) {
            assertThat(environment(p, module).get("KAFKA_BOOTSTRAP_SERVERS"))
                    .isEqualTo(cluster + "-kafka-bootstrap:" + plain.getPort());
            Map<String, String> labels = podLabels(p, module);
            assertThat(plain.getNetworkPolicyPeers()).as(module + " admitted by the listener's network policy")
                    .anySatisfy(peer -> assertThat(Platform.matches(peer.getPodSelector(), labels)).isTrue());
        }
        assertThat(plain.getNetworkPolicyPeers()).as("only pods, never whole namespaces or address ranges")
                .allSatisfy(peer -> {
                    assertThat(peer.getNamespaceSelector()).isNull();
                    assertThat(peer.getIpBlock()).isNull();
                    assertThat(peer.getPodSelector().getMatchLabels()).isNotEmpty();
                });
        List<KafkaNodePool> pools = p.all("KafkaNodePool", KafkaNodePool.class);
        assertThat(pools).allSatisfy(pool -> assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster));
        assertThat(pools).as("KRaft controllers").anyMatch(pool -> pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void topicsAreTheDesignedOnes(Platform p) {
        String cluster = single(p.all("Kafka", Kafka.class)).getMetadata().getName();
        int brokers = p.all("KafkaNodePool", KafkaNodePool.class).stream()
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        Map<String, KafkaTopic> topics = new LinkedHashMap<>();
        p.all("KafkaTopic", KafkaTopic.class).forEach(t -> topics.put(t.getSpec().getTopicName(), t));

        Set<String> aggregates = REPO.conventionTopics();
        Set<String> deadLetters = CONSUMERS.stream().map(c -> "zhijiao." + c + ".dlq").collect(Collectors.toSet());
        assertThat(aggregates).containsAll(REPO.topicConstants()).hasSize(10);
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(union(aggregates, deadLetters));

        int consumerReplicas = CONSUMERS.stream()
                .mapToInt(c -> p.get("HorizontalPodAutoscaler", c + "-service", HorizontalPodAutoscaler.class).getSpec().getMaxReplicas())
                .max().orElseThrow();
        topics.forEach((name, topic) -> {
            Map<String, Object> config = topic.getSpec().getConfig();
            assertThat(topic.getMetadata().getLabels()).as(name).containsEntry("strimzi.io/cluster", cluster);
            assertThat(topic.getSpec().getReplicas()).as(name + " replicas").isBetween(1, brokers);
            int minIsr = ((Number) config.get("min.insync.replicas")).intValue();
            assertThat(minIsr).as(name + " min.insync.replicas").isEqualTo(Math.max(1, topic.getSpec().getReplicas() - 1));
            if (aggregates.contains(name)) {
                // the latest whole-state event per aggregate rebuilds every projection (topics.yaml)
                assertThat(config).as(name).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
                assertThat(topic.getSpec().getPartitions()).as(name + " partitions for every consumer replica")
                        .isGreaterThanOrEqualTo(consumerReplicas);
            } else {
                assertThat(config).as(name).containsEntry("cleanup.policy", "delete");
                assertThat(((Number) config.get("retention.ms")).longValue()).as(name + " retention")
                        .isEqualTo(Duration.ofDays(14).toMillis());
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void servicesAutoscalingAndDisruptionBudgetsPointAtTheDeployments(Platform p) {
        for (String module : REPO.SERVICES) {
            Map<String, String> labels = podLabels(p, module);
            Service service = p.get("Service", module, Service.class);
            assertThat(service.getSpec().getType()).as("reachable from outside only through the Ingress").isIn(null, "ClusterIP");
            assertThat(Platform.matches(new LabelSelector(null, service.getSpec().getSelector()), labels)).isTrue();
            assertThat(service.getSpec().getPorts()).hasSize(2).allSatisfy(port -> {
                assertThat(port.getTargetPort().getStrVal()).isEqualTo(port.getName());
                assertThat(port.getPort()).as(module + " Service port " + port.getName())
                        .isEqualTo(port.getName().equals("http") ? REPO.httpPort(module) : REPO.managementPort(module));
            });
            assertThat(service.getSpec().getPorts()).extracting(port -> port.getName()).containsExactlyInAnyOrder("http", "management");
            HorizontalPodAutoscaler hpa = p.get("HorizontalPodAutoscaler", module, HorizontalPodAutoscaler.class);
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(module);
            assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            assertThat(deployment(p, module).getSpec().getReplicas()).as("the autoscaler owns the replica count").isNull();
            if (p.overlay.equals("prod")) {
                assertThat(hpa.getSpec().getMinReplicas()).as("prod survives a lost pod").isGreaterThanOrEqualTo(2);
            }
            List<PodDisruptionBudget> budgets = p.all("PodDisruptionBudget", PodDisruptionBudget.class).stream()
                    .filter(b -> Platform.matches(b.getSpec().getSelector(), labels)).toList();
            assertThat(budgets).as(module + " disruption budget").hasSize(1);
        }
        Ingress ingress = single(p.all("Ingress", Ingress.class));
        assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHttp().getPaths()).allSatisfy(path -> {
            assertThat(path.getBackend().getService().getName()).isEqualTo("gateway");
            assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
        }));
        if (p.overlay.equals("prod")) {
            assertThat(ingress.getSpec().getTls()).as("prod ingress terminates TLS").isNotEmpty();
        }
    }

    /**
     * Which pods of the namespace may connect to which, by the NetworkPolicies (and Strimzi's own
     * policy from the listener's peers): gateway from no pod, each service from the gateway only,
     * each database from its service (and its own instances) only.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void networkPoliciesIsolateEveryTier(Platform p) {
        List<NetworkPolicy> policies = p.all("NetworkPolicy", NetworkPolicy.class);
        assertThat(policies).as("default deny").anySatisfy(np -> {
            assertThat(np.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(np.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(np.getSpec().getPolicyTypes()).contains("Ingress");
            assertThat(np.getSpec().getIngress()).isNullOrEmpty();
        });
        Map<String, Map<String, String>> pods = new LinkedHashMap<>();
        REPO.SERVICES.forEach(m -> pods.put(m, podLabels(p, m)));
        p.ofKind("Cluster").forEach(c -> pods.put(Platform.name(c), Map.of("cnpg.io/cluster", Platform.name(c), "cnpg.io/podRole", "instance")));

        Set<String> allowedNamespaces = Set.of("ingress-nginx", "monitoring", "cnpg-system");
        for (NetworkPolicy np : policies) {
            for (var rule : np.getSpec().getIngress()) {
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    assertThat(peer.getIpBlock()).as(np.getMetadata().getName() + " admits no address range").isNull();
                    if (peer.getNamespaceSelector() != null) {
                        assertThat(peer.getNamespaceSelector().getMatchLabels()).as(np.getMetadata().getName())
                                .containsOnlyKeys("kubernetes.io/metadata.name")
                                .extractingByKey("kubernetes.io/metadata.name").isIn(allowedNamespaces);
                    }
                }
            }
        }
        // for each pod: the pods of the namespace, and the other namespaces, allowed to connect to it
        Map<String, Set<String>> admitted = new LinkedHashMap<>();
        Map<String, Set<String>> admittedNamespaces = new LinkedHashMap<>();
        pods.forEach((target, labels) -> {
            Set<String> from = new TreeSet<>();
            Set<String> namespaces = new TreeSet<>();
            policies.stream().filter(np -> Platform.matches(np.getSpec().getPodSelector(), labels))
                    .flatMap(np -> np.getSpec().getIngress().stream()).flatMap(rule -> rule.getFrom().stream())
                    .forEach(peer -> {
                        if (peer.getNamespaceSelector() != null) {
                            namespaces.add(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
                        } else {
                            pods.forEach((source, sourceLabels) -> {
                                if (Platform.matches(peer.getPodSelector(), sourceLabels)) {
                                    from.add(source);
                                }
                            });
                        }
                    });
            admitted.put(target, from);
            admittedNamespaces.put(target, namespaces);
        });
        assertThat(admitted.get("gateway")).as("gateway: from no pod of the namespace").isEmpty();
        assertThat(admittedNamespaces.get("gateway")).containsExactlyInAnyOrder("ingress-nginx", "monitoring");
        for (String module : REPO.SERVICES.subList(1, REPO.SERVICES.size())) {
            assertThat(admitted.get(module)).as(module).containsExactly("gateway");
            assertThat(admittedNamespaces.get(module)).as(module + ": scraped, never reached from outside")
                    .containsExactly("monitoring");
        }
        for (String module : REPO.SERVICES) {
            String cluster = "pg-" + REPO.database(module);
            assertThat(admitted.get(cluster)).as(cluster).containsExactlyInAnyOrder(module, cluster);
            assertThat(admittedNamespaces.get(cluster)).as(cluster).containsExactlyInAnyOrder("cnpg-system", "monitoring");
        }
    }

    /**
     * /q/* (metrics, Swagger UI, the services' own specs) is on the management ports, which the ingress
     * never routes to and only Prometheus (and, for the services' specs, the gateway) may reach.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void managementPortsAreReachableOnlyByProbesPrometheusAndTheGateway(Platform p) {
        Ingress ingress = single(p.all("Ingress", Ingress.class));
        assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHttp().getPaths())
                .allSatisfy(path -> assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http")));
        for (NetworkPolicy np : p.all("NetworkPolicy", NetworkPolicy.class)) {
            boolean services = REPO.SERVICES.stream().anyMatch(m -> Platform.matches(np.getSpec().getPodSelector(), podLabels(p, m)));
            if (!services) {
                continue;
            }
            for (var rule : np.getSpec().getIngress()) {
                Set<String> ports = rule.getPorts().stream().map(port -> port.getPort().getStrVal()).collect(Collectors.toSet());
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    String namespace = peer.getNamespaceSelector() == null ? null
                            : peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
                    if ("ingress-nginx".equals(namespace)) {
                        assertThat(ports).as(np.getMetadata().getName() + ": the ingress reaches the API port only")
                                .containsExactly("http");
                    } else if ("monitoring".equals(namespace)) {
                        assertThat(ports).as(np.getMetadata().getName() + ": Prometheus reaches the management port only")
                                .containsExactly("management");
                    } else {
                        assertThat(Platform.matches(peer.getPodSelector(), podLabels(p, "gateway")))
                                .as(np.getMetadata().getName() + ": only the gateway calls the services").isTrue();
                        assertThat(ports).as(np.getMetadata().getName() + ": the API, and /q/openapi for the merged spec")
                                .containsExactlyInAnyOrder("http", "management");
                    }
                }
            }
        }
    }

    /** The gateway is told where every service it routes to listens: the API port and the management port. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void theGatewayReachesEveryServiceOnItsPortsAndTrustsOnlyTheIngress(Platform p) {
        Map<String, String> env = environment(p, "gateway");
        Map<String, String> upstreams = Map.of("membership", "membership-service", "apprenticeship", "apprenticeship-service",
                "reporting", "reporting-service");
        upstreams.forEach((name, module) -> {
            assertThat(REPO.configKeys("gateway")).contains("zhijiao.gateway.services." + name + ".url",
                    "zhijiao.gateway.services." + name + ".management-url");
            String prefix = "ZHIJIAO_GATEWAY_SERVICES_" + name.toUpperCase(Locale.ROOT);
            assertThat(env.get(prefix + "_URL")).as(name + " API").isEqualTo("http://" + module + ":" + REPO.httpPort(module));
            assertThat(env.get(prefix + "_MANAGEMENT_URL")).as(name + " management")
                    .isEqualTo("http://" + module + ":" + REPO.managementPort(module));
            assertThat(p.find("Service", module)).as("Service " + module).isPresent();
        });
        assertThat(env.get("ZHIJIAO_GATEWAY_TRUSTED_PROXIES")).as("forwarded addresses are believed from the ingress")
                .isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void prometheusScrapesEveryServiceAndDatabase(Platform p) {
        ServiceMonitor monitor = single(p.all("ServiceMonitor", ServiceMonitor.class));
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPath()).isEqualTo(REPO.metricsPath());
            assertThat(endpoint.getPort()).as("metrics are on the management port").isEqualTo("management");
        });
        for (String module : REPO.SERVICES) {
            Service service = p.get("Service", module, Service.class);
            assertThat(Platform.matches(monitor.getSpec().getSelector(), service.getMetadata().getLabels())).as(module).isTrue();
        }
        List<PodMonitor> podMonitors = p.all("PodMonitor", PodMonitor.class);
        p.ofKind("Cluster").forEach(c -> assertThat(podMonitors).as(Platform.name(c))
                .anyMatch(m -> Platform.matches(m.getSpec().getSelector(), Map.of("cnpg.io/cluster", Platform.name(c)))));
        assertThat(podMonitors).as("Kafka").anyMatch(m -> Platform.matches(m.getSpec().getSelector(),
                Map.of("strimzi.io/cluster", single(p.all("Kafka", Kafka.class)).getMetadata().getName(), "strimzi.io/kind", "Kafka")));
    }

    // --- helpers

    private static Deployment deployment(Platform p, String module) {
        return p.get("Deployment", module, Deployment.class);
    }

    private static PodSpec pod(Platform p, String module) {
        return deployment(p, module).getSpec().getTemplate().getSpec();
    }

    private static Map<String, String> podLabels(Platform p, String module) {
        return deployment(p, module).getSpec().getTemplate().getMetadata().getLabels();
    }

    private static Container container(Platform p, String module) {
        return single(pod(p, module).getContainers());
    }

    /** The environment a container starts with: envFrom ConfigMaps, then env (literal values or references). */
    private static Map<String, String> environment(Platform p, String module) {
        Container app = container(p, module);
        Map<String, String> env = new LinkedHashMap<>();
        for (var source : app.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                p.find("ConfigMap", source.getConfigMapRef().getName())
                        .map(cm -> Schemas.bind(cm, ConfigMap.class).getData())
                        .ifPresent(env::putAll);
            }
        }
        for (EnvVar var : app.getEnv()) {
            env.put(var.getName(), var.getValue() != null ? var.getValue() : "<" + var.getValueFrom() + ">");
        }
        return env;
    }

    /** Paths of the Secret items the container has mounted. */
    private static Set<String> mountedFiles(Platform p, String module) {
        Map<String, Volume> volumes = pod(p, module).getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        Set<String> files = new TreeSet<>();
        for (VolumeMount mount : container(p, module).getVolumeMounts()) {
            Volume volume = volumes.get(mount.getName());
            assertThat(volume).as("volume " + mount.getName() + " of " + module).isNotNull();
            if (volume.getSecret() != null) {
                volume.getSecret().getItems().forEach(item -> files.add(mount.getMountPath() + "/" + item.getPath()));
            }
        }
        return files;
    }

    private static String httpGet(io.fabric8.kubernetes.api.model.Probe probe) {
        assertThat(probe).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        return get.getPath();
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
