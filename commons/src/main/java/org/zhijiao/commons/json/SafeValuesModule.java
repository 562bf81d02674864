package org.zhijiao.commons.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.deser.std.UUIDDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.UUID;
import org.zhijiao.commons.web.ControlCharacters;
import org.zhijiao.commons.web.SaneDates;

/**
 * Values that parse but that no field should hold: strings with control characters (a NUL makes
 * PostgreSQL fail the insert) and dates outside years 1 to 9999. Each is a 400 naming the field.
 */
public class SafeValuesModule extends SimpleModule {

    public SafeValuesModule() {
        super("zhijiao-safe-values");
        addDeserializer(String.class, new SafeStrings());
        addDeserializer(LocalDate.class, new SaneLocalDates());
        addDeserializer(UUID.class, new SafeUuids());
    }

    /** Jackson trims ids before parsing, and a NUL trims away: "\u0000" would be read as no id at all. */
    static final class SafeUuids extends StdScalarDeserializer<UUID> {

        SafeUuids() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && ControlCharacters.present(parser.getText())) {
                throw new InvalidValueException(parser, "must be a UUID", parser.getText(), UUID.class);
            }
            return UUID_READER.deserialize(parser, context);
        }
    }

    private static final UUIDDeserializer UUID_READER = new UUIDDeserializer();

    static final class SafeStrings extends StdScalarDeserializer<String> {

        SafeStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && ControlCharacters.presentInText(value)) {
                throw new InvalidValueException(parser,
                        "must not contain control characters other than tab and line breaks", value, String.class);
            }
            return value;
        }
    }

    static final class SaneLocalDates extends StdScalarDeserializer<LocalDate> {

        SaneLocalDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                // the JSR-310 reader takes [] for null and [y, m, d] or an epoch day for a date
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            LocalDate value = plain(parser.getText());
            if (value == null) {
                value = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            }
            if (value != null && !SaneDates.sane(value)) {
                throw new InvalidValueException(parser,
                        "must be a date from " + SaneDates.MIN + " to " + SaneDates.MAX, value.toString(), LocalDate.class);
            }
            return value;
        }

        /**
         * A date written {@code yyyy-MM-dd}, read without a formatter (which costs about a microsecond and a
         * dozen objects a date, and most dates come this way); null for anything else, including a day the
         * month does not have, which the JSR-310 reader then reads or refuses as always.
         */
        static LocalDate plain(String text) {
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                return null;
            }
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year < 0 || month < 0 || day < 0) {
                return null;
            }
            try {
                return LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                return null;
            }
        }

        private static int digits(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}
