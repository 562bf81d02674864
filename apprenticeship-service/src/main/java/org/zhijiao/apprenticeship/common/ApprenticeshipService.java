package org.zhijiao.apprenticeship.common;

import jakarta.inject.Inject;
import org.zhijiao.apprenticeship.directory.MemberDirectory;
import org.zhijiao.commons.aggregate.AggregateKind;
import org.zhijiao.commons.aggregate.LifecycleService;

/**
 * The service of a lifecycle aggregate of this service: every one names member organizations (a school, its
 * enterprises, a facility's hosts), which it checks against the member directory.
 */
public abstract class ApprenticeshipService<E extends LifecycleEntity<?, A>, A extends Enum<A>, V>
        extends LifecycleService<E, A, V> {

    @Inject
    protected MemberDirectory directory;

    protected ApprenticeshipService(AggregateKind<E, V> kind) {
        super(kind);
    }
}
