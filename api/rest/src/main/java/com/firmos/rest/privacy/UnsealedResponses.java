package com.firmos.rest.privacy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.firmos.api.messages.crm.Sealed;
import com.firmos.rest.config.HttpJson;
import com.firmos.rest.security.CurrentUser;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * HTTP responses, and only they, write a sealed value as its plaintext, or null once its person was erased. The
 * shared mapper stays as it is: projectors write JSON into read tables with it, and plaintext must never land
 * there ({@link HttpJson}).
 */
@Configuration(proxyBeanMethods = false)
class UnsealedResponses {

    @Bean
    HttpJson.Module unsealing(PersonalData personalData) {
        SimpleModule unsealing = new SimpleModule("unsealing").addSerializer(Sealed.class,
                new UnsealingSerializer(personalData));
        return () -> unsealing;
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
