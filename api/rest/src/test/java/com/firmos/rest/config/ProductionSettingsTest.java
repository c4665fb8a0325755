package com.firmos.rest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.firmos.rest.FirmosApplication;
import com.firmos.rest.portal.PortalProperties;
import com.firmos.rest.security.JwtProperties;
import com.firmos.rest.support.Api;
import com.firmos.rest.support.Api.Response;
import com.firmos.rest.support.DrillDatabase;
import com.firmos.rest.support.IntegrationTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The server as production starts it: no development mode, so the shipped secrets are refused, and, even where
 * Spring detects a cloud platform, no trust in forwarded headers unless the setting asks for it. Each server here
 * runs in this JVM on a database of its own, apart from the other tests' server.
 */
class ProductionSettingsTest {

    private static final String JWT_SECRET = "a-production-jwt-secret-of-this-test-0123456789";
    private static final String PORTAL_SECRET = "a-production-portal-secret-of-this-test-0123456789";
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(
            "a-production-master-key-32-bytes".getBytes(StandardCharsets.UTF_8));

    private static DrillDatabase database;
    private static ConfigurableApplicationContext production;
    private static Api api;

    private final String tenant = "org_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startWithRealSecrets() {
        database = new DrillDatabase();
        // Kubernetes, as Spring would detect it from the environment: its default would trust X-Forwarded-For.
        production = start(true, "--spring.main.cloud-platform=kubernetes", "--firmos.portal.failures-per-address=3");
        api = new Api(url(production));
    }

    @AfterAll
    static void stop() {
        if (production != null) {
            production.close();
        }
        database.close();
    }

    @BeforeEach
    void noFailuresYet() {
        database.jdbc().sql("DELETE FROM portal_failed_attempt").update();
    }

    /** An operator reads which migrations a deploy ran and which node claimed which segment. */
    @Test
    void aDeploymentLogsItsMigrationsAndClaimsAtTheirUsualLevels() {
        // The environment, not the logging system: that is one per JVM, and other tests' contexts share it.
        assertThat(production.getEnvironment().getProperty("logging.level.org.flywaydb.core")).isNull();
        assertThat(production.getEnvironment().getProperty("logging.level.org.axonframework.eventhandling.pooled"))
                .isNull();
    }

    @Test
    void cannotStartOnTheDevelopmentSecretsOutsideDevelopmentMode() {
        assertThatThrownBy(() -> start(false).close())
                .hasMessageContaining("FIRMOS_SECURITY_JWT_SECRET")
                .hasMessageContaining("FIRMOS_PORTAL_SESSION_SECRET")
                .hasMessageContaining("FIRMOS_PERSONAL_DATA_MASTER_KEY")
                .hasMessageContaining("firmos.dev-mode");
    }

    @Test
    void cannotStartWithAnIdentityProviderButTheDevelopmentPortalSecretAndMasterKey() {
        assertThatThrownBy(() -> start(false, "--firmos.security.jwt.jwk-set-uri=http://127.0.0.1:1/jwks").close())
                .hasMessageContaining("FIRMOS_PORTAL_SESSION_SECRET")
                .hasMessageContaining("FIRMOS_PERSONAL_DATA_MASTER_KEY")
                .satisfies(refusal -> assertThat(refusal.getMessage()).doesNotContain("FIRMOS_SECURITY_JWT_SECRET"));
    }

    // A guard rather than a proof of the start check: it fails if a decoder ever falls back to the shipped secret.
    @Test
    void cannotGetInWithAWorkbenchTokenSignedWithTheDevelopmentSecret() throws Exception {
        JWTClaimsSet admin = new JWTClaimsSet.Builder().issuer("firmos-local").subject("user_ada")
                .claim("org_id", tenant).claim("role", "admin").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();

        assertThat(api.get("/api/v1/engagements", signed(admin, JWT_SECRET)).status()).isEqualTo(200);
        Response refused = api.get("/api/v1/engagements", signed(admin, JwtProperties.DEVELOPMENT_SECRET));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    // Likewise a guard: it fails if portal sessions are ever verified with the shipped secret as well.
    @Test
    void cannotOpenThePortalWithASessionSignedWithTheDevelopmentSecret() throws Exception {
        String admin = workbenchToken();
        String engagement = IntegrationTest.openEngagement(api, admin).toString();
        Response granted = api.post("/api/v1/engagements/" + engagement + "/portal-access", admin,
                "{\"contactName\": \"Grace Hopper\", \"sections\": [\"playbook\"]}");
        Response exchanged = api.post("/api/v1/portal/sessions", null,
                "{\"token\": \"" + granted.text("token") + "\"}");
        String session = exchanged.text("sessionToken");
        JWTClaimsSet claims = SignedJWT.parse(session).getJWTClaimsSet();

        assertThat(api.get("/api/v1/portal/planning-view", session).status()).isEqualTo(200);
        Response forged = api.get("/api/v1/portal/planning-view", signed(claims, PortalProperties.DEVELOPMENT_SECRET));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.text("code")).isEqualTo("unauthenticated");
    }

    @Test
    void cannotEscapeTheAddressLimitWithXForwardedForByDefault() {
        for (int i = 0; i < 3; i++) {
            assertThat(openLink(api, "203.0.113." + i).status()).isEqualTo(401);
        }

        assertThat(openLink(api, "198.51.100.9").status()).as("the socket's address is the one counted")
                .isEqualTo(429);
    }

    @Test
    void canCountTheForwardedAddressWhenTheFrameworkStrategyIsOn() {
        try (ConfigurableApplicationContext proxied = start(true, "--server.forward-headers-strategy=framework",
                "--firmos.portal.failures-per-address=3")) {
            Api behindProxy = new Api(url(proxied));
            for (int i = 0; i < 3; i++) {
                assertThat(openLink(behindProxy, "203.0.113.7").status()).isEqualTo(401);
            }

            assertThat(openLink(behindProxy, "203.0.113.7").status()).isEqualTo(429);
            assertThat(openLink(behindProxy, "203.0.113.8").status()).as("another client behind the same proxy")
                    .isEqualTo(401);
        }
    }

    private static Response openLink(Api client, String forwardedFor) {
        return client.send("GET", "/api/v1/portal/links/" + UUID.randomUUID(), null, null,
                Map.of("X-Forwarded-For", forwardedFor));
    }

    private String workbenchToken() throws Exception {
        return signed(new JWTClaimsSet.Builder().issuer("firmos-local").subject("user_ada").claim("name", "Ada")
                .claim("org_id", tenant).claim("role", "admin").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build(), JWT_SECRET);
    }

    private static ConfigurableApplicationContext start(boolean realSecrets, String... settings) {
        Stream<String> secrets = realSecrets ? Stream.of("--firmos.security.jwt.secret=" + JWT_SECRET,
                "--firmos.portal.session-secret=" + PORTAL_SECRET, "--firmos.personal-data.master-key=" + MASTER_KEY)
                : Stream.empty();
        String[] arguments = Stream.of(Stream.of("--firmos.dev-mode=false", "--server.port=0",
                        "--spring.datasource.url=" + database.url(), "--spring.datasource.username="
                                + database.username(), "--spring.datasource.password=" + database.password()),
                secrets, Stream.of(settings)).flatMap(s -> s).toArray(String[]::new);
        return new SpringApplicationBuilder(FirmosApplication.class).run(arguments);
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static String signed(JWTClaimsSet claims, String key) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        token.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return token.serialize();
    }
}
