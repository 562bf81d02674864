package org.zhijiao.commons.lifecycle;

import java.time.LocalDate;

/**
 * What a client's request to move an aggregate along its lifecycle says, whatever else it carries: the
 * action, the day it takes effect (today when null) and why. Each service's transition request implements
 * it, so that {@link org.zhijiao.commons.aggregate.LifecycleService} takes the step the same way for all.
 *
 * @param <A> the actions clients take on the aggregate
 */
public interface StepRequest<A extends Enum<A>> {

    A action();

    LocalDate on();

    String reason();
}
