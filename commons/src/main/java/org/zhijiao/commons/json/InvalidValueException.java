package org.zhijiao.commons.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON value of the right type that the platform still refuses; {@link #reason()} says why. */
public class InvalidValueException extends InvalidFormatException {

    private final String reason;

    public InvalidValueException(JsonParser parser, String reason, Object value, Class<?> targetType) {
        super(parser, reason, value, targetType);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
