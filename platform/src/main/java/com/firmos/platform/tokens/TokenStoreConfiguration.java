package com.firmos.platform.tokens;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Axon's JPA token store as its auto-configuration builds it, with its per-batch writes in JDBC. */
@Configuration(proxyBeanMethods = false)
class TokenStoreConfiguration {

    @Bean
    TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
            TokenStoreProperties properties, JdbcTemplate jdbc) {
        TokenStore jpa = JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(ProcessorTokens.THIS_NODE)
                .build();
        return new JdbcWritingTokenStore(jpa, jdbc, serializer, ProcessorTokens.THIS_NODE);
    }
}
