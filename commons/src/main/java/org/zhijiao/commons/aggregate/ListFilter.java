package org.zhijiao.commons.aggregate;

/**
 * The filters of an aggregate list, which know the query that selects the aggregates they let through; a
 * service's {@code Filter} record implements it and {@link AggregateService#list} pages through the result.
 */
public interface ListFilter {

    /** The aggregates these filters let through; a filter left out (null) lets any through. */
    ListQuery query();
}
