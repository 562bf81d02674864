package org.zhijiao.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** How a service's API tests call it: JSON, a bearer token, and If-Match from a prior read unless a test says otherwise. */
public final class Callers {

    private Callers() {
    }

    /** A caller that reads a resource's ETag before writing to it, as the services require. */
    public static RequestSpecification as(String token) {
        return unguardedAs(token).filter(ReadBeforeWrite.INSTANCE);
    }

    public static RequestSpecification asAdmin() {
        return as(TestTokens.admin());
    }

    /** A caller that sends If-Match only when the test says so: for tests of preconditions. */
    public static RequestSpecification unguardedAs(String token) {
        // a plain header (not auth().oauth2()) so that ReadBeforeWrite can read with the same token
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
