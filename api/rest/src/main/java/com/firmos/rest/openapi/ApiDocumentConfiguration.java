package com.firmos.rest.openapi;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.firmos.api.messages.crm.Sealed;
import com.firmos.rest.portal.PortalUser;
import com.firmos.rest.security.CurrentUser;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document at {@code /v3/api-docs}, as front-end teams generate clients from it: what springdoc reads
 * from the controllers, corrected where it cannot know the wire ({@link ApiContract}) and checked where it would
 * silently merge two types under one name ({@link UniqueSchemaNames}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentConfiguration {

    static final String WORKBENCH = "workbench";
    static final String PORTAL = "portalSession";

    static {
        SpringDocUtils.getConfig()
                // Resolved from the bearer token or the portal session: a client never sends them.
                .addRequestWrapperToIgnore(CurrentUser.class, PortalUser.class)
                // Answers carry the plain text their reader may see; the ciphertext never leaves the server.
                .replaceWithSchema(Sealed.class, new StringSchema());
    }

    @Bean
    OpenAPI firmosApi() {
        return new OpenAPI()
                .info(new Info().title("firmos API").version("v1").description("""
                        The backend of the consulting firm's operating system: the Workbench's and the Client \
                        Portal's commands and views, and the operators' tools. Every write is an event; views are \
                        projections of the events and show a write before its 2xx answer. Errors are \
                        application/problem+json with a stable `code` and, for a refused value, the `field` and \
                        its `rule`; a method a path does not list here answers 405 `method-not-allowed`, with the \
                        path's methods in `Allow`."""))
                .components(new Components()
                        .addSecuritySchemes(WORKBENCH, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT").description("A Workbench token of the"
                                        + " firm's identity provider (roles admin, consultant, viewer, operator);"
                                        + " locally, the `token` command of the jar mints one."))
                        .addSecuritySchemes(PORTAL, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT").description("The session token that"
                                        + " POST /api/v1/portal/sessions answers for a client's magic link.")));
    }

    @Bean
    GlobalOpenApiCustomizer apiContract(UniqueSchemaNames names) {
        return new ApiContract(OperationIds.load(), names);
    }

    @Bean
    UniqueSchemaNames uniqueSchemaNames() {
        return new UniqueSchemaNames();
    }
}
