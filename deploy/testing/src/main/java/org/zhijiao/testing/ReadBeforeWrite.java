package org.zhijiao.testing;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import org.zhijiao.demo.PlatformClient;

/**
 * A REST Assured filter that behaves like a careful client: before a write to an existing
 * resource that carries no {@code If-Match}, it reads the resource and sends the ETag it got.
 * Tests that are not about concurrency use it; tests of If-Match itself leave it out.
 */
public final class ReadBeforeWrite implements Filter {

    public static final ReadBeforeWrite INSTANCE = new ReadBeforeWrite();

    private ReadBeforeWrite() {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        if (!request.getHeaders().hasHeaderWithName("If-Match")) {
            for (String resource : PlatformClient.guardingResources(request.getMethod(), request.getDerivedPath())) {
                RequestSpecification read = RestAssured.given().baseUri(request.getBaseUri()).port(request.getPort())
                        .urlEncodingEnabled(false);
                if (request.getHeaders().hasHeaderWithName("Authorization")) {
                    read.header(request.getHeaders().get("Authorization"));
                }
                Response current = read.get(resource);
                if (current.statusCode() == 200 && current.header("ETag") != null) {
                    request.header("If-Match", current.header("ETag"));
                    break;
                }
            }
        }
        return context.next(request, response);
    }
}
