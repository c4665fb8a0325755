package com.firmos.rest.door;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * What the read side can store, checked at the door so that a write it could not project is refused before any
 * event is stored (docs/DOMAIN.md, "Accepted values"). PostgreSQL refuses NUL in text and unpaired surrogates are
 * not UTF-8; its timestamps end in 294276 and NUMERIC(14, 2) holds 12 digits before the point.
 */
public final class StorableValues {

    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;
    public static final int DECIMAL_INTEGER_DIGITS = 12;
    public static final int DECIMAL_FRACTION_DIGITS = 4;

    static final String TEXT_RULE = "must not contain control characters other than tab, line feed and carriage"
            + " return, nor unpaired surrogates";
    static final String TIME_RULE = "must be a date or time in the years " + FIRST_YEAR + " to " + LAST_YEAR;
    static final String DECIMAL_RULE = "must have at most " + DECIMAL_INTEGER_DIGITS
            + " digits before the decimal point and " + DECIMAL_FRACTION_DIGITS + " after it";
    static final String NUMBER_RULE = "must be 0 or a number from 2.2250738585072014E-308 to"
            + " 1.7976931348623157E308 in size, as a double holds it";

    private static final BigDecimal DOUBLE_MAX = new BigDecimal(Double.MAX_VALUE);
    private static final BigDecimal DOUBLE_MIN = new BigDecimal(Double.MIN_NORMAL);

    private StorableValues() {
    }

    /** The rule the text breaks, or null. */
    public static String text(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return TEXT_RULE;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return TEXT_RULE;
            }
        }
        return null;
    }

    /** The rule a date, time or instant breaks, or null; one without a year (a time of day) breaks none. */
    public static String time(TemporalAccessor value) {
        TemporalAccessor dated = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
        if (!dated.isSupported(ChronoField.YEAR)) {
            return null;
        }
        int year = dated.get(ChronoField.YEAR);
        return year < FIRST_YEAR || year > LAST_YEAR ? TIME_RULE : null;
    }

    /**
     * The rule a decimal (money, hours, quantities, scores) breaks, or null. It is judged as written, trailing zeros
     * and all: the value is stored so, and PostgreSQL's numeric overflows on 0E-20000 or 1 with 20,000 zeros after
     * its point, each zero or 1 by what it means.
     */
    public static String decimal(BigDecimal value) {
        boolean fits = value.precision() - value.scale() <= DECIMAL_INTEGER_DIGITS
                && value.scale() <= DECIMAL_FRACTION_DIGITS;
        return fits ? null : DECIMAL_RULE;
    }

    /** The rule a floating-point number breaks, or null: one a double would make infinite or round to 0. */
    public static String number(BigDecimal value) {
        BigDecimal size = value.abs();
        boolean fits = value.signum() == 0 || size.compareTo(DOUBLE_MAX) <= 0 && size.compareTo(DOUBLE_MIN) >= 0;
        return fits ? null : NUMBER_RULE;
    }
}
