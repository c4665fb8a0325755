package com.firmos.rest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.firmos.rest.security.JwtProperties;
import com.nimbusds.jwt.SignedJWT;

class TokenCommandTest {

    @Test
    void mintsATokenCarryingUserTenantAndRole() throws Exception {
        Output output = run("--sub", "user_ada", "--name", "Ada Lovelace", "--org", "org_demo", "--role", "admin");

        assertThat(output.exitCode()).isZero();
        // Other tests' servers in this JVM may log to standard output meanwhile: the token is its own line.
        String token = output.out().lines().filter(line -> line.startsWith("eyJ")).findFirst().orElseThrow();
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("user_ada");
        assertThat(claims.getStringClaim("name")).isEqualTo("Ada Lovelace");
        assertThat(claims.getStringClaim("org_id")).isEqualTo("org_demo");
        assertThat(claims.getStringClaim("role")).isEqualTo("admin");
        assertThat(claims.getIssuer()).isEqualTo("firmos-local");
        assertThat(claims.getExpirationTime()).isInTheFuture();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void cannotMintATokenLivingLongerThanTheServerAccepts() {
        JwtProperties tooLong = new JwtProperties(null, null, JwtProperties.DEVELOPMENT_SECRET, "firmos-local",
                Duration.ofHours(13), null, Duration.ofHours(12));

        assertThatThrownBy(() -> TokenCommand.mint(tooLong, Map.of("sub", "u", "org", "o", "role", "admin")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("local-token-lifetime");
    }

    @Test
    void cannotMintWithTheDevelopmentSecretOutsideDevelopmentMode() {
        System.setProperty("firmos.dev-mode", "false");
        try {
            assertThat(run("--sub", "user_ada", "--org", "org_demo", "--role", "admin").exitCode()).isEqualTo(1);
        } finally {
            System.clearProperty("firmos.dev-mode");
        }
    }

    @Test
    void refusesWithoutTheRequiredOptions() {
        assertThat(run("--sub", "user_ada").exitCode()).isEqualTo(2);
    }

    @Test
    void refusesAnUnknownRole() {
        assertThat(run("--sub", "u", "--org", "o", "--role", "owner").exitCode()).isEqualTo(2);
    }

    private static Output run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            int code = TokenCommand.run(args);
            return new Output(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private record Output(int exitCode, String out) {
    }
}
