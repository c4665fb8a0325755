package com.firmos.rest.security;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.firmos.rest.portal.PortalSessions;
import com.nimbusds.jwt.JWTParser;

import tools.jackson.databind.ObjectMapper;

/**
 * Bearer-token security. Workbench paths ({@code /api/v1}) admit admins, consultants and viewers, and only
 * admins and consultants may write; {@code client} tokens belong to the portal ({@code /api/v1/portal}) and never
 * reach them. Opening a magic link and exchanging it for a portal session need no token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtProperties.class)
public class SecurityConfiguration {

    public static final String WORKBENCH_PATHS = "/api/v1/**";
    public static final String PORTAL_PATHS = "/api/v1/portal/**";
    public static final String OPERATIONS_PATHS = "/api/v1/admin/projections/**";
    /** The writes that need no token: their bodies get the small cap of unauthenticated requests. */
    public static final Set<String> PUBLIC_WRITES = Set.of("/api/v1/portal/sessions");
    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * No observation of each security filter, authentication and authorization: the wrapping took about a tenth of a
     * timeline page's CPU in the profile (docs/BENCHMARKS.md, issue 21 target 5). Requests are still observed as a
     * whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(json);
        String[] readers = {Role.ADMIN.name(), Role.CONSULTANT.name(), Role.VIEWER.name()};
        String[] writers = {Role.ADMIN.name(), Role.CONSULTANT.name()};
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/portal/links/*").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/portal/links/*").permitAll()
                        .requestMatchers(HttpMethod.POST, PUBLIC_WRITES.toArray(String[]::new)).permitAll()
                        .requestMatchers(PORTAL_PATHS).hasRole(Role.CLIENT.name())
                        // The one workbench area operators reach; the controller tells tenant admins from them.
                        .requestMatchers(OPERATIONS_PATHS).hasAnyRole(Role.ADMIN.name(), Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, WORKBENCH_PATHS).hasAnyRole(readers)
                        // A HEAD is a GET without its body: whoever may read may ask.
                        .requestMatchers(HttpMethod.HEAD, WORKBENCH_PATHS).hasAnyRole(readers)
                        .requestMatchers(WORKBENCH_PATHS).hasAnyRole(writers)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roleConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Portal sessions, which this server signs itself, and workbench tokens, from the identity provider or the
     * local secret, each verified only by their own decoder: the unverified issuer merely picks which one. A token
     * verified once is remembered until it expires ({@link VerifiedTokens}).
     */
    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties, PortalSessions portalSessions) {
        JwtDecoder workbench = workbenchDecoder(properties);
        JwtDecoder portal = portalSessions.decoder();
        return new VerifiedTokens(token -> portalSessions.issuer().equals(unverifiedIssuer(token))
                ? portal.decode(token) : workbench.decode(token));
    }

    private static String unverifiedIssuer(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("the bearer token is not a JWT", e);
        }
    }

    private JwtDecoder workbenchDecoder(JwtProperties properties) {
        NimbusJwtDecoder decoder;
        OAuth2TokenValidator<Jwt> standard;
        if (properties.usesProvider()) {
            decoder = hasText(properties.jwkSetUri())
                    ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
                    : (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(properties.issuerUri());
            standard = hasText(properties.issuerUri())
                    ? JwtValidators.createDefaultWithIssuer(properties.issuerUri())
                    : JwtValidators.createDefault();
        } else {
            if (JwtProperties.DEVELOPMENT_SECRET.equals(properties.secret())) {
                LOG.warn("Bearer tokens are signed with the development secret: set FIRMOS_SECURITY_JWT_SECRET,"
                        + " or an issuer (FIRMOS_SECURITY_JWT_ISSUER_URI), before exposing this server");
            }
            decoder = NimbusJwtDecoder.withSecretKey(secretKey(properties)).macAlgorithm(MacAlgorithm.HS256)
                    .build();
            standard = JwtValidators.createDefaultWithIssuer(properties.localIssuer());
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(standard, requiredClaims(),
                audience(properties.audience()), TokenLifetime.atMost(properties.maxTokenLifetime())));
        return decoder;
    }

    @Bean
    WebMvcConfigurer currentUserResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }

    private static SecretKeySpec secretKey(JwtProperties properties) {
        return new SecretKeySpec(LocalSecret.bytes(properties), "HmacSHA256");
    }

    /**
     * A token without a user, a tenant or a known role is no token at all: 401, not a half-authorised call. Only an
     * operator, who belongs to no tenant, may come without one.
     */
    private static OAuth2TokenValidator<Jwt> requiredClaims() {
        return jwt -> {
            Optional<Role> role = Role.fromClaim(jwt.getClaimAsString(CurrentUser.ROLE_CLAIM));
            boolean complete = hasText(jwt.getSubject()) && role.isPresent()
                    && (role.get() == Role.OPERATOR || hasText(jwt.getClaimAsString(CurrentUser.ORGANIZATION_CLAIM)));
            return complete ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_token", "the token needs sub, org_id and a known role", null));
        };
    }

    /** A token meant for another API of the same provider is not one for this API. */
    private static OAuth2TokenValidator<Jwt> audience(String expected) {
        return jwt -> !hasText(expected) || jwt.getAudience() != null && jwt.getAudience().contains(expected)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "the token is not meant for this API (aud)", null));
    }

    private static JwtAuthenticationConverter roleConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Role.fromClaim(jwt.getClaimAsString(CurrentUser.ROLE_CLAIM))
                .<List<GrantedAuthority>>map(role -> List.of(new SimpleGrantedAuthority(role.authority())))
                .orElse(List.of()));
        return converter;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
