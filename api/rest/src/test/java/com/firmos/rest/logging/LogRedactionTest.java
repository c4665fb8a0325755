package com.firmos.rest.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
                "{\"contactName\": \"Grace\", \"sections\": [\"playbook\"]}").text("token");

        api.get("/api/v1/portal/links/" + link, null);
        api.get("/api/v1/clients?contact=grace.hopper@navy.example&phone=%2B1%20202%20555%200147", token);
        api.post("/api/v1/portal/sessions", null, "{\"token\": \"" + link + "\", \"password\": \"hunter22\"}");
        api.get("/api/v1/engagements", "garbage-" + link);

        awaitLogged(output, "GET /api/v1/engagements status=401");
        assertThat(output.getOut() + output.getErr())
                .contains("/api/v1/portal/links/[redacted]", "***@navy.example", "***0147")
                .doesNotContain(link, token, "grace.hopper", "202 555 0147", "hunter22");
    }

    @Test
    void phonesInQueryStringsAndEncodedEmailsInPathsNeverReachTheLogs(CapturedOutput output) {
        String token = admin();

        api.get("/api/v1/clients?phone=4155550125&uk=020%207946%200959&q=%2B44%2020%207946%200958", token);
        api.get("/api/v1/vendors/grace.hopper%40navy.example/bills?contact=ada%2Blovelace%40example.co.uk", token);
        api.get("/api/v1/clients/o'brien@example.ie", token);

        awaitLogged(output, "GET /api/v1/clients/***@example.ie");
        assertThat(output.getOut() + output.getErr())
                .contains("***0125", "***0959", "***0958", "***@navy.example", "***@example.co.uk", "***@example.ie")
                .doesNotContain("4155550125", "415555", "020 7946", "020%207946", "7946 0958", "grace.hopper",
                        "ada%2Blovelace", "ada+lovelace", "o'brien");
    }

    @Test
    void aRefusedCreateLogsOneLine(CapturedOutput output) {
        String token = admin();
        String foreignEngagement = new Playbook(api, token(otherTenant, "admin")).engagement().toString();
        int before = output.getAll().length();

        int bill = api.post("/api/v1/bills", token, "{\"vendorId\": \"" + UUID.randomUUID() + "\", \"amount\": 10}")
                .status();
        int deal = api.post("/api/v1/deals", token, "{\"clientId\": \"" + UUID.randomUUID()
                + "\", \"name\": \"Platform\", \"value\": 1}").status();
        // Refused inside the aggregate's constructor, which Axon's repository logs with its stack.
        int grant = api.post("/api/v1/engagements/" + foreignEngagement + "/portal-access", token,
                "{\"contactName\": \"Carol\", \"sections\": [\"status\"]}").status();

        // The set-up's last access line may still be on its way: count the refusals' lines.
        await().atMost(Duration.ofSeconds(5)).until(() -> refusals(output.getAll().substring(before)) >= 3);
        List<String> logged = output.getAll().substring(before).lines().toList();
        assertThat(List.of(bill, deal, grant)).containsExactly(400, 400, 400);
        assertThat(refusals(output.getAll().substring(before))).isEqualTo(3);
        assertThat(logged).as("no stack trace, no warning of the unknown id")
                .noneMatch(line -> line.startsWith("\tat ") || line.contains("AggregateNotFoundException")
                        || line.contains("AbstractRepository"));
    }

    @Test
    void anEmailInTheQueryLeavesTheRouteAndTheParameterNamesReadable(CapturedOutput output) {
        api.get("/api/v1/timeline?actorId=x@y.io&eventType=a%40b.com&from=%2B44%2020%207946%200959", admin());

        awaitLogged(output, "GET /api/v1/timeline?");
        assertThat(output.getOut()).contains("GET /api/v1/timeline?actorId=***@y.io&eventType=***@b.com&from=***0959")
                .doesNotContain("x@y.io", "a@b.com", "7946");
    }

    private static long refusals(String logged) {
        return logged.lines().filter(line -> line.contains("firmos.access") && line.contains("status=400")).count();
    }

    /** The access line follows the answer out: wait for the last request's, after which the others are in. */
    private static void awaitLogged(CapturedOutput output, String text) {
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().contains(text));
    }

    @Test
    void anEncodedLineBreakInTheQueryCannotForgeALineOfTheAccessLog(CapturedOutput output) {
        api.get("/api/v1/clients?note=x%0D%0Afirmos.access%20GET%20/forged%20status=200", admin());

        awaitLogged(output, "/forged");
        assertThat(output.getOut() + output.getErr()).contains("note=x\\u000d\\u000afirmos.access GET /forged")
                .doesNotContain("x\r\nfirmos.access GET /forged", "x\nfirmos.access GET /forged");
    }
}
