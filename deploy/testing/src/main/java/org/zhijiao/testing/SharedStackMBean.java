package org.zhijiao.testing;

/**
 * How every class loader of a test JVM reaches its one local stack. Quarkus loads the test resource
 * once per application class loader (a test profile gets a new one), so static fields are not
 * JVM-wide; the stack is registered as an MBean instead, and this interface passes only JDK types.
 * Public because JMX requires it: tests use {@link LocalStackTestResource#stack()}.
 */
public interface SharedStackMBean {

    String getPostgresUsername();

    String getPostgresPassword();

    boolean isPostgresEmbedded();

    String postgresJdbcUrl(String database);

    /** Creating and dropping databases goes through it, from the caller's class loader. */
    String getPostgresMaintenanceDatabase();

    /** See {@link LocalStackTestResource#databaseName(String)}. */
    String databaseName(String database);

    String getKafkaBootstrapServers();

    boolean isKafkaEmbedded();

    void startKafka();

    void stopKafka();

    void restartKafka();

    String getJwtKeyDirectory();
}
