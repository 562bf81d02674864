package org.zhijiao.apprenticeship.directory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * An empty replica (a new or restored database) rebuilds itself: its partitions are read from the
 * start of the topics, whatever offsets the consumer group committed before.
 */
@ApplicationScoped
@Identifier("directory-rebuild")
public class DirectoryRebuild implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(DirectoryRebuild.class);

    @Inject
    MemberDirectory directory;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty() && QuarkusTransaction.requiringNew().call(directory::isEmpty)) {
            LOG.infof("Member directory is empty: reading %s from the beginning", partitions);
            consumer.seekToBeginning(partitions);
        }
    }
}
