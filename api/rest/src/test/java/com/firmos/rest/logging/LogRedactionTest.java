package com.firmos.rest.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.firmos.rest.support.IntegrationTest;
import com.firmos.rest.support.Playbook;

/** Seeded personal data and secrets go through real requests; none of them may reach the captured log output. */
@ExtendWith(OutputCaptureExtension.class)
class LogRedactionTest extends IntegrationTest {

    @Test
    void seededEmailsPhonesAndTokensNeverReachTheLogs(CapturedOutput output) {
        String token = admin();
        String engagement = new Playbook(api, token).engagement().toString();
        String link = api.post("/api/v1/engagements/" + engagement + "/portal-access", token,
                "{\"contactName\": \"Grace\", \"sections\": [\"playbook\"]}").json().get("token").asString();

        api.get("/api/v1/portal/links/" + link, null);
        api.get("/api/v1/clients?contact=grace.hopper@navy.example&phone=%2B1%20202%20555%200147", token);
        api.post("/api/v1/portal/sessions", null, "{\"token\": \"" + link + "\", \"password\": \"hunter22\"}");
        api.get("/api/v1/engagements", "garbage-" + link);

        assertThat(output.getOut() + output.getErr())
                .contains("/api/v1/portal/links/[redacted]", "***@navy.example", "***0147")
                .doesNotContain(link, token, "grace.hopper", "202 555 0147", "hunter22");
    }

    @Test
    void anEncodedLineBreakInTheQueryCannotForgeALineOfTheAccessLog(CapturedOutput output) {
        api.get("/api/v1/clients?note=x%0D%0Afirmos.access%20GET%20/forged%20status=200", admin());

        assertThat(output.getOut() + output.getErr()).contains("note=x\\u000d\\u000afirmos.access GET /forged")
                .doesNotContain("x\r\nfirmos.access GET /forged", "x\nfirmos.access GET /forged");
    }
}
