package com.firmos.rest.portal;

import java.util.List;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.firmos.rest.security.SecurityConfiguration;

/** Lets portal controllers take a {@link PortalUser}; only a portal session token resolves to one. */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

    @Bean
    PasswordEncoder portalPasswords() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    WebMvcConfigurer portalUserResolver(PortalSessions sessions, QueryGateway queries) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new PortalUserResolver(sessions.issuer()));
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // First: a token that is no live portal session must not reach a stored answer or wait for one.
                registry.addInterceptor(new PortalSessionCheck(queries, sessions.issuer()))
                        .addPathPatterns(SecurityConfiguration.PORTAL_PATHS)
                        .excludePathPatterns(PortalSessionCheck.PUBLIC_PATHS).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    private record PortalUserResolver(String issuer) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType().equals(PortalUser.class);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binderFactory) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt
                    && issuer.equals(jwt.getClaimAsString("iss"))) {
                return PortalUser.of(jwt);
            }
            throw PortalUser.sessionRequired();
        }
    }
}
