package org.zhijiao.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** A violation names the field as the caller sent it, never a validator's internal node name. */
class FieldNamesTest {

    record Request(@NotBlank String name, List<@NotBlank String> codes, Map<String, @Size(max = 3) String> sections) {
    }

    static class Resource {
        public void summary(List<@Size(max = 3) String> figure) {
        }

        public void create(@Valid Request request) {
        }

        public void report(@QueryParam("figure") List<@Size(max = 3) String> figures, @QueryParam("lang") @Size(max = 2)
                String language) {
        }
    }

    /** Like the subclass the container generates to intercept a resource: an override without annotations. */
    static class InterceptedResource extends Resource {
        @Override
        public void report(List<String> figures, String language) {
        }
    }

    @Test
    void aParameterOfAnInterceptedResourceIsNamedAsTheCallerSentIt() throws Exception {
        Method report = InterceptedResource.class.getMethod("report", List.class, String.class);
        Set<ConstraintViolation<InterceptedResource>> violations = VALIDATOR.forExecutables()
                .validateParameters(new InterceptedResource(), report, new Object[] {List.of("too long"), "ok"});
        assertThat(violations.stream().map(ProblemMappers::fieldOf)).containsExactly("figure[0]");
    }

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void anElementOfAListQueryParameterIsNamedByItsIndex() throws Exception {
        assertThat(fields(Resource.class.getMethod("summary", List.class), List.of("ok", "too long")))
                .containsExactly("figure[1]");
    }

    @Test
    void aParameterIsNamedAsTheCallerSentIt() throws Exception {
        Method report = Resource.class.getMethod("report", List.class, String.class);
        Set<ConstraintViolation<Resource>> violations = VALIDATOR.forExecutables()
                .validateParameters(new Resource(), report, new Object[] {List.of("too long"), "zhx"});
        assertThat(violations.stream().map(ProblemMappers::fieldOf)).containsExactlyInAnyOrder("figure[0]", "lang");
    }

    @Test
    void bodyFieldsAndTheirElementsAreNamedWithoutTheParameter() throws Exception {
        assertThat(fields(Resource.class.getMethod("create", Request.class),
                new Request(" ", List.of("a", " "), Map.of("SCHEDULE", "too long"))))
                .containsExactlyInAnyOrder("name", "codes[1]", "sections[SCHEDULE]");
    }

    private static List<String> fields(Method method, Object argument) {
        Set<ConstraintViolation<Resource>> violations = VALIDATOR.forExecutables()
                .validateParameters(new Resource(), method, new Object[] {argument});
        return violations.stream().map(ProblemMappers::fieldOf).toList();
    }
}
