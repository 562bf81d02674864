package org.zhijiao.testing;

import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;

import org.zhijiao.stack.LocalStack;
import org.zhijiao.stack.PostgresServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The Quarkus test resource every service uses: points the application at the local stack's
 * PostgreSQL database, Kafka broker and JWT keys.
 * <pre>{@code
 * @QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false,
 *         initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "membership"))
 * }</pre>
 * One stack is started per test JVM, on first use, and shared by every Quarkus application started in
 * it (Quarkus starts a new one, in a new class loader, for each test profile); it stops when the JVM
 * exits. Against an external PostgreSQL ({@code ZHIJIAO_PG_URL}) each test JVM gets its own fresh
 * database, e.g. {@code membership_t1764371234567_4242}, dropped at exit, so test runs never see each
 * other's data; the embedded server is new in every JVM, so there the database is named as given.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg naming the service's database, e.g. {@code membership}. */
    public static final String DATABASE = "database";

    private static LocalStack stack; // guarded by LocalStackTestResource.class, like shared
    private static SharedStackMBean shared;

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE);
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + " needs the init arg \"" + DATABASE + "\", e.g. @ResourceArg(name = \"database\", value = \"membership\")");
        }
    }

    @Override
    public Map<String, String> start() {
        LocalStack stack = stack();
        PostgresServer postgres = stack.postgres();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(databaseName(database)));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", stack.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", stack.jwtKeys().publicKeyPath().toString());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put("mp.jwt.verify.audiences", TestTokens.AUDIENCE);
        config.put("smallrye.jwt.sign.key.location", stack.jwtKeys().privateKeyPath().toString());
        return config;
    }

    @Override
    public void stop() {
        // The stack outlives this Quarkus application: the next one started in this JVM reuses it.
    }

    /**
     * The JVM's stack, started on first use. Tests use it to stop and start Kafka (only when
     * {@code kafka().isEmbedded()}), to reach the database, or for the keys. It cannot be closed.
     */
    public static synchronized LocalStack stack() {
        if (stack == null) {
            startInSystemClassLoader();
            shared = SharedStack.obtain();
            stack = SharedStack.view(shared);
        }
        return stack;
    }

    /**
     * The name on the server of the database given as {@code database} (see the class comment); created
     * on first use.
     */
    public static String databaseName(String database) {
        stack(); // sets shared
        return shared.databaseName(database);
    }

    /**
     * Quarkus closes an application's class loader when the application stops; the stack's code must
     * live in one that lasts as long as the JVM. The system class loader does, when it sees this jar
     * (Surefire, IDEs); otherwise the first class loader to ask starts the stack.
     */
    private static void startInSystemClassLoader() {
        Class<?> systemCopy;
        try {
            systemCopy = Class.forName(LocalStackTestResource.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            return;
        }
        if (systemCopy == LocalStackTestResource.class) {
            return;
        }
        try {
            systemCopy.getMethod("stack").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not start the local stack in the system class loader", e);
        }
    }
}
