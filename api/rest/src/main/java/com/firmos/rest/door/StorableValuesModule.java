package com.firmos.rest.door;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Checks every text, date, time and number of a request body against {@link StorableValues} as Jackson binds it,
 * whatever the request type: Jackson's own deserializers of those types are wrapped, so a new request record is
 * covered without an annotation. Free-form JSON (a Fast Track document) is covered too: Jackson reads its strings
 * and numbers with the same deserializers, and its property names are checked once it is read.
 */
final class StorableValuesModule extends SimpleModule {

    private static final Set<Class<?>> INTEGRAL = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class);
    private static final Set<Class<?>> FLOATING = Set.of(double.class, Double.class, float.class, Float.class,
            Number.class, BigInteger.class);

    StorableValuesModule() {
        super("firmos-storable-values");
        setDeserializerModifier(new Modifier());
    }

    private static final class Modifier extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                ValueDeserializer<?> deserializer) {
            Class<?> type = bean.getBeanClass();
            boolean checked = type == String.class || type == Object.class || type == BigDecimal.class
                    || INTEGRAL.contains(type) || FLOATING.contains(type)
                    || TemporalAccessor.class.isAssignableFrom(type) && type.getPackageName().equals("java.time");
            return checked ? new Checked(deserializer, type) : deserializer;
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                KeyDeserializer deserializer) {
            return type.hasRawClass(String.class) ? new CheckedKey(deserializer) : deserializer;
        }
    }

    private static final class Checked extends DelegatingDeserializer {

        private final Class<?> type;

        Checked(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            before(parser);
            return after(parser, super.deserialize(parser, context));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object into)
                throws JacksonException {
            before(parser);
            return after(parser, super.deserialize(parser, context, into));
        }

        /** A number is judged from its text: bound, 1e400 is already infinite and 1e-400 already 0. */
        private void before(JsonParser parser) {
            JsonToken token = parser.currentToken();
            boolean numeric = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
            if (TemporalAccessor.class.isAssignableFrom(type) && (numeric || token == JsonToken.START_ARRAY)) {
                // Jackson reads 42 as a second after 1970 and [2027, 3, 1] as a date: the document says ISO text.
                throw refusal(parser, "must be a date or time as ISO 8601 text", numeric ? parser.getString() : "[]");
            }
            if (!numeric) {
                return;
            }
            if (INTEGRAL.contains(type)) {
                long[] range = range(type);
                String rule = "must be a whole number from " + range[0] + " to " + range[1]
                        + ", written without a point or exponent";
                // The document says integer: 1.0 and 0E-20000 are whole, but written as no integer is.
                if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                    throw refusal(parser, rule, parser.getString());
                }
                BigDecimal number = parser.getDecimalValue();
                if (number.compareTo(BigDecimal.valueOf(range[0])) < 0
                        || number.compareTo(BigDecimal.valueOf(range[1])) > 0) {
                    throw refusal(parser, rule, parser.getString());
                }
            } else if (FLOATING.contains(type)) {
                refuse(parser, StorableValues.number(parser.getDecimalValue()), parser.getString());
            }
        }

        private Object after(JsonParser parser, Object value) {
            switch (value) {
                case String text -> refuse(parser, StorableValues.text(text), text);
                case BigDecimal decimal -> refuse(parser, StorableValues.decimal(decimal), decimal);
                case Double number when number.isNaN() || number.isInfinite() ->
                        refuse(parser, StorableValues.NUMBER_RULE, number);
                case Float number when number.isNaN() || number.isInfinite() ->
                        refuse(parser, StorableValues.NUMBER_RULE, number);
                case TemporalAccessor time -> refuse(parser, StorableValues.time(time), time);
                case null, default -> {
                    if (type == Object.class) {
                        names(parser, value);
                    }
                }
            }
            return value;
        }

        /** Free-form JSON: its values were checked as they were read, the names of its properties were not. */
        private void names(JsonParser parser, Object value) {
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (entry.getKey() instanceof String name && StorableValues.text(name) != null) {
                        throw refusal(parser, "has a property name that " + StorableValues.TEXT_RULE, name);
                    }
                    names(parser, entry.getValue());
                }
            } else if (value instanceof Collection<?> items) {
                items.forEach(item -> names(parser, item));
            }
        }

        private void refuse(JsonParser parser, String rule, Object value) {
            if (rule != null) {
                throw refusal(parser, rule, value);
            }
        }

        private UnstorableValueException refusal(JsonParser parser, String rule, Object value) {
            return new UnstorableValueException(parser, rule, value, type);
        }

        /** The smallest and largest value of a whole-number type. */
        private static long[] range(Class<?> type) {
            return switch (type.getSimpleName()) {
                case "int", "Integer" -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
                case "short", "Short" -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
                case "byte", "Byte" -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
                default -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
            };
        }
    }

    private static final class CheckedKey extends KeyDeserializer {

        private final KeyDeserializer delegate;

        CheckedKey(KeyDeserializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public void resolve(DeserializationContext context) {
            delegate.resolve(context);
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
            if (key != null && StorableValues.text(key) != null) {
                throw new UnstorableValueException(context.getParser(), "has a property name that "
                        + StorableValues.TEXT_RULE, key, String.class);
            }
            return delegate.deserializeKey(key, context);
        }
    }
}
