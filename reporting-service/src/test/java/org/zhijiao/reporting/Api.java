package org.zhijiao.reporting;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.zhijiao.testing.TestTokens;

/** Calls with the platform's tokens. */
final class Api {

    private static String admin;

    private Api() {
    }

    static synchronized RequestSpecification asAdmin() {
        if (admin == null) {
            admin = TestTokens.admin(); // valid for an hour, longer than any test run
        }
        return given().auth().oauth2(admin).contentType("application/json");
    }

    static JsonPath summary(String query) {
        return asAdmin().get("/api/v1/summary?" + query).then().statusCode(200).extract().jsonPath();
    }

    /** A count that is absent when zero (slice values with nothing to count are left out). */
    static int orZero(JsonPath json, String path) {
        Integer value = json.get(path);
        return value == null ? 0 : value;
    }

    /** atEnd of a figure (or of one slice value) in the summary for the query. */
    static int atEnd(String query, String figure) {
        return summary(query + "&figure=" + figure).getInt("figures." + figure + ".atEnd");
    }
}
