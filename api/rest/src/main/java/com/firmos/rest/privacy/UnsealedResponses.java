package com.firmos.rest.privacy;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import com.firmos.api.messages.crm.Sealed;
import com.firmos.rest.security.CurrentUser;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * HTTP responses, and only they, write a sealed value as its plaintext, or null once its person was erased. The
 * shared mapper stays as it is: projectors write JSON into read tables with it, and plaintext must never land
 * there.
 */
@Configuration(proxyBeanMethods = false)
class UnsealedResponses {

    /** After Boot's own JSON converter (order 0), in its place among the defaults, so strings stay strings. */
    @Bean
    @Order(1)
    ServerHttpMessageConvertersCustomizer unsealingJsonConverter(JsonMapper mapper, PersonalData personalData) {
        SimpleModule unsealing = new SimpleModule("unsealing").addSerializer(Sealed.class,
                new UnsealingSerializer(personalData));
        JsonMapper responses = mapper.rebuild().addModule(unsealing).build();
        return builder -> builder.withJsonConverter(new JacksonJsonHttpMessageConverter(responses));
    }

    private static final class UnsealingSerializer extends StdSerializer<Sealed> {

        private final transient PersonalData personalData;

        UnsealingSerializer(PersonalData personalData) {
            super(Sealed.class);
            this.personalData = personalData;
        }

        @Override
        public void serialize(Sealed value, JsonGenerator generator, SerializationContext context) {
            // Opened only with the keys of the caller's own tenant.
            String organization = CurrentUser.current().map(CurrentUser::organizationId).orElse(null);
            personalData.unseal(organization, value).ifPresentOrElse(generator::writeString, generator::writeNull);
        }
    }
}
