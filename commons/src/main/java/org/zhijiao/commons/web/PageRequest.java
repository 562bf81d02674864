package org.zhijiao.commons.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The paging parameters every list takes ({@code ?cursor=&limit=}, docs/conventions.md "Lists"), written once:
 * a list method takes it as {@code @Valid @BeanParam PageRequest page}.
 */
public class PageRequest {

    @QueryParam("cursor")
    @Size(max = 100)
    String cursor;

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(200)
    int limit;

    /** The opaque cursor of the page asked for; null for the first page. */
    public String cursor() {
        return cursor;
    }

    /** How many items at most, 1 to 200. */
    public int limit() {
        return limit;
    }
}
