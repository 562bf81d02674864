package org.zhijiao.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.jboss.logging.Logger;
import org.zhijiao.stack.JwtKeys;
import org.zhijiao.stack.KafkaServer;
import org.zhijiao.stack.LocalStack;
import org.zhijiao.stack.PostgresServer;

/** The test JVM's one local stack, registered in the platform MBean server (see {@link SharedStackMBean}). */
final class SharedStack implements SharedStackMBean {

    private static final Logger LOG = Logger.getLogger(SharedStack.class);
    private static final ObjectName NAME = objectName("org.zhijiao.stack:type=SharedTestStack");
    private static final String SHUT_DOWN_AT_EXIT = "The shared test stack is stopped when the test JVM exits";

    /** Set in the class loader that started the stack. */
    private static SharedStack owned;

    private final LocalStack stack;
    /** Database name as given → name on the server. */
    private final Map<String, String> databases = new ConcurrentHashMap<>();

    private SharedStack(LocalStack stack) {
        this.stack = stack;
    }

    /** The JVM's stack: started and registered by the first caller, reached through JMX by the others. */
    static synchronized SharedStackMBean obtain() {
        if (owned != null) {
            return owned;
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (!server.isRegistered(NAME)) {
            SharedStack started = new SharedStack(LocalStack.start(LocalStack.Settings.temporary()));
            try {
                server.registerMBean(new StandardMBean(started, SharedStackMBean.class), NAME);
                Runtime.getRuntime().addShutdownHook(new Thread(started::shutDown, "zhijiao-local-stack-shutdown"));
                owned = started;
                return started;
            } catch (InstanceAlreadyExistsException e) {
                started.stack.close(); // another class loader won the race; use its stack
            } catch (JMException e) {
                started.stack.close();
                throw new IllegalStateException("Could not register the shared test stack as " + NAME, e);
            }
        }
        return JMX.newMBeanProxy(server, NAME, SharedStackMBean.class);
    }

    /**
     * A {@link LocalStack} over the shared one, in the caller's class loader. Kafka can be stopped and
     * started through it; the stack as a whole cannot be stopped.
     */
    static LocalStack view(SharedStackMBean shared) {
        return LocalStack.of(new PostgresView(shared), new KafkaView(shared), JwtKeys.loadOrCreate(Path.of(shared.getJwtKeyDirectory())));
    }

    @Override
    public String getPostgresUsername() {
        return stack.postgres().username();
    }

    @Override
    public String getPostgresPassword() {
        return stack.postgres().password();
    }

    @Override
    public boolean isPostgresEmbedded() {
        return stack.postgres().isEmbedded();
    }

    @Override
    public String postgresJdbcUrl(String database) {
        return stack.postgres().jdbcUrl(database);
    }

    @Override
    public String getPostgresMaintenanceDatabase() {
        return stack.postgres().maintenanceDatabase();
    }

    @Override
    public String databaseName(String database) {
        return databases.computeIfAbsent(database, name -> {
            // A fresh server per JVM keeps the name; a shared external server gets a name per JVM.
            String actual = isPostgresEmbedded() ? name : name + "_t" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
            stack.postgres().createDatabaseIfMissing(actual);
            return actual;
        });
    }

    @Override
    public String getKafkaBootstrapServers() {
        return stack.kafka().bootstrapServers();
    }

    @Override
    public boolean isKafkaEmbedded() {
        return stack.kafka().isEmbedded();
    }

    @Override
    public void startKafka() {
        stack.kafka().start();
    }

    @Override
    public void stopKafka() {
        stack.kafka().stop();
    }

    @Override
    public void restartKafka() {
        stack.kafka().restart();
    }

    @Override
    public String getJwtKeyDirectory() {
        return stack.jwtKeys().publicKeyPath().getParent().toString();
    }

    private void shutDown() {
        if (!isPostgresEmbedded()) {
            for (String database : databases.values()) {
                try {
                    stack.postgres().dropDatabaseIfExists(database);
                } catch (RuntimeException e) {
                    LOG.warnf("Could not drop test database %s: %s", database, e.getMessage());
                }
            }
        }
        stack.close();
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private record PostgresView(SharedStackMBean shared) implements PostgresServer {

        @Override
        public String jdbcUrl(String database) {
            return shared.postgresJdbcUrl(database);
        }

        @Override
        public String username() {
            return shared.getPostgresUsername();
        }

        @Override
        public String password() {
            return shared.getPostgresPassword();
        }

        @Override
        public boolean isEmbedded() {
            return shared.isPostgresEmbedded();
        }

        @Override
        public String maintenanceDatabase() {
            return shared.getPostgresMaintenanceDatabase();
        }

        @Override
        public void stop() {
            throw new UnsupportedOperationException(SHUT_DOWN_AT_EXIT);
        }
    }

    private record KafkaView(SharedStackMBean shared) implements KafkaServer {

        @Override
        public String bootstrapServers() {
            return shared.getKafkaBootstrapServers();
        }

        @Override
        public boolean isEmbedded() {
            return shared.isKafkaEmbedded();
        }

        @Override
        public void start() {
            shared.startKafka();
        }

        @Override
        public void stop() {
            shared.stopKafka();
        }

        @Override
        public void restart() {
            shared.restartKafka();
        }

        @Override
        public void close() {
            throw new UnsupportedOperationException(SHUT_DOWN_AT_EXIT);
        }
    }
}
