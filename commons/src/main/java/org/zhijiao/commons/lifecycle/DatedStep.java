package org.zhijiao.commons.lifecycle;

import java.time.LocalDate;

/**
 * What "state on day D" reads of a lifecycle step: the state entered and the day it took effect. The stored
 * {@link Transition} is one; a consumer that reads only these two of a published step binds its own.
 */
public interface DatedStep {

    String status();

    LocalDate on();
}
