package org.zhijiao.commons.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Values of the wrong shape never become a silent null or a value the database cannot hold. */
class ObjectMapperSetupTest {

    record Sample(String name, UUID holder, LocalDate on, Integer count, Boolean flag, List<String> codes) {
    }

    private static final ObjectMapper MAPPER = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new ObjectMapperSetup().customize(mapper);
        return mapper;
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "holder", "on", "count", "flag"})
    void anEmptyArrayOrObjectIsNotANullScalar(String field) {
        for (String shape : List.of("[]", "{}")) {
            assertThatThrownBy(() -> MAPPER.readValue("{\"" + field + "\": " + shape + "}", Sample.class))
                    .as(field + " = " + shape)
                    .isInstanceOf(JsonMappingException.class)
                    .satisfies(e -> assertThat(((JsonMappingException) e).getPath().get(0).getFieldName())
                            .isEqualTo(field));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\u0000\"", "\" \\u0001 \"", "12345", "true", "1.5", "[\"01a2330f-6712-7f3b-9a20-c48fe655548a\"]"})
    void anIdIsAString(String value) {
        assertThatThrownBy(() -> MAPPER.readValue("{\"holder\": " + value + "}", Sample.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"+10000-01-01\"", "\"0000-12-31\"",
        "[2022, 1, 1]", "19000", "\"2022-02-30\"", "\"2023-02-29\"", "\"2022-13-01\"", "\"2022-00-10\"",
        "\"2022/01/01\"", "\"2022-1-01\"", "\"2022-01-1x\"", "\"+022-01-01\""})
    void aDateIsAnIsoStringFromYear1To9999(String value) {
        assertThatThrownBy(() -> MAPPER.readValue("{\"on\": " + value + "}", Sample.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "2024-02-29", "2022-12-31", "9999-12-31"})
    void aDateReadsAsTheIsoCalendarSaysIt(String value) throws Exception {
        assertThat(MAPPER.readValue("{\"on\": \"" + value + "\"}", Sample.class).on()).isEqualTo(LocalDate.parse(value));
    }

    @Test
    void controlCharactersInStringsAreRefusedButTabsAndLineBreaksAreText() throws Exception {
        assertThatThrownBy(() -> MAPPER.readValue("{\"name\": \"a\\u0000b\"}", Sample.class))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"codes\": [\"ok\", \"\\u0007\"]}", Sample.class))
                .isInstanceOf(InvalidValueException.class);
        assertThat(MAPPER.readValue("{\"name\": \"line\\none\\ttab\", \"on\": \"2022-12-31\"}", Sample.class))
                .isEqualTo(new Sample("line\none\ttab", null, LocalDate.of(2022, 12, 31), null, null, null));
    }
}
