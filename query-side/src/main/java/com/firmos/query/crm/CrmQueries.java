package com.firmos.query.crm;

import static com.firmos.query.Jdbc.instant;
import static com.firmos.query.Jdbc.uuid;
import static com.firmos.query.WireValues.parse;
import static com.firmos.query.WireValues.wire;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.firmos.api.messages.crm.CompetitorList;
import com.firmos.api.messages.crm.CompetitorStatus;
import com.firmos.api.messages.crm.CompetitorView;
import com.firmos.api.messages.crm.DealCompetitor;
import com.firmos.api.messages.crm.DealSource;
import com.firmos.api.messages.crm.DealStage;
import com.firmos.api.messages.crm.DealType;
import com.firmos.api.messages.crm.DealView;
import com.firmos.api.messages.crm.ExitCriterion;
import com.firmos.api.messages.crm.FindCompetitorQuery;
import com.firmos.api.messages.crm.FindCompetitorsQuery;
import com.firmos.api.messages.crm.FindDealQuery;
import com.firmos.api.messages.crm.FindForecastQuery;
import com.firmos.api.messages.crm.FindPipelineAsOfQuery;
import com.firmos.api.messages.crm.FindPipelineQuery;
import com.firmos.api.messages.crm.FindWinRateQuery;
import com.firmos.api.messages.crm.Forecast;
import com.firmos.api.messages.crm.ForecastMonth;
import com.firmos.api.messages.crm.LossReasonCount;
import com.firmos.api.messages.crm.Pipeline;
import com.firmos.api.messages.crm.PipelineDeal;
import com.firmos.api.messages.crm.PipelineStage;
import com.firmos.api.messages.crm.StageExitReport;
import com.firmos.api.messages.crm.WinRate;
import com.firmos.query.ReadClock;
import com.firmos.query.asof.AsOfReplay;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The pipeline, win rate, forecast and deals. Days in stage and the rotting flag are judged when read, against
 * {@code firmos.pipeline.rotting-days.<stage>}.
 */
@Component
class CrmQueries {

    static final List<DealStage> OPEN = List.of(DealStage.LEAD, DealStage.QUALIFIED, DealStage.DISCOVERY,
            DealStage.PROPOSAL, DealStage.NEGOTIATION);
    private static final TypeReference<List<ExitCriterion>> CRITERIA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Environment environment;
    private final Clock clock;
    private final CrmProjector projector;
    private final AsOfReplay history;

    CrmQueries(JdbcClient jdbc, ObjectMapper json, Environment environment, ReadClock clock, CrmProjector projector,
            AsOfReplay history) {
        this.jdbc = jdbc;
        this.json = json;
        this.environment = environment;
        this.clock = clock;
        this.projector = projector;
        this.history = history;
    }

    @QueryHandler
    Pipeline handle(FindPipelineAsOfQuery query) {
        return history.replay(query.pipeline().organizationId(), query.asOf(), List.of(projector),
                () -> handle(query.pipeline()));
    }

    /** For the other CRM read models' time travel: the same projector builds their tables. */
    <R> R asOf(String organizationId, Instant moment, Supplier<R> read) {
        return history.replay(organizationId, moment, List.of(projector), read);
    }

    @QueryHandler
    Pipeline handle(FindPipelineQuery query) {
        LocalDate today = LocalDate.now(clock);
        List<Row> deals = jdbc.sql("""
                SELECT * FROM crm_deal
                WHERE organization_id = :org AND stage = ANY(CAST(:open AS text[]))
                  AND (CAST(:owner AS text) IS NULL OR owner_id = :owner)
                  AND (CAST(:client AS uuid) IS NULL OR client_id = :client)
                  AND (CAST(:type AS text) IS NULL OR type = :type)
                  AND (CAST(:source AS text) IS NULL OR source = :source)
                  AND (CAST(:from AS date) IS NULL OR expected_close_date >= :from)
                  AND (CAST(:to AS date) IS NULL OR expected_close_date <= :to)
                ORDER BY stage_entered_at, id""")
                .param("org", query.organizationId())
                .param("open", OPEN.stream().map(stage -> wire(stage)).toArray(String[]::new))
                .param("owner", query.ownerId()).param("client", query.clientId())
                .param("type", wire(query.type())).param("source", wire(query.source()))
                .param("from", query.closeFrom()).param("to", query.closeTo())
                .query((rs, n) -> row(rs))
                .list();
        Map<DealStage, Integer> limits = rottingLimits();
        List<PipelineStage> stages = OPEN.stream().map(stage -> stage(stage, deals, today, limits)).toList();
        return new Pipeline(stages, stages.stream().mapToInt(PipelineStage::count).sum(),
                stages.stream().map(PipelineStage::totalValue).reduce(BigDecimal.ZERO, BigDecimal::add),
                stages.stream().map(PipelineStage::weightedValue).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @QueryHandler
    WinRate handle(FindWinRateQuery query) {
        List<Row> closed = jdbc.sql("""
                SELECT * FROM crm_deal
                WHERE organization_id = :org AND stage IN ('closed_won', 'closed_lost')
                  AND (CAST(:from AS date) IS NULL OR actual_close_date >= :from)
                  AND (CAST(:to AS date) IS NULL OR actual_close_date <= :to)""")
                .param("org", query.organizationId()).param("from", query.from()).param("to", query.to())
                .query((rs, n) -> row(rs))
                .list();
        int won = (int) closed.stream().filter(deal -> deal.stage() == DealStage.CLOSED_WON).count();
        int lost = closed.size() - won;
        List<LossReasonCount> reasons = closed.stream()
                .filter(deal -> deal.stage() == DealStage.CLOSED_LOST)
                .collect(java.util.stream.Collectors.groupingBy(Row::lossReason, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()))
                .entrySet().stream()
                .map(entry -> new LossReasonCount(entry.getKey(), entry.getValue().intValue()))
                .sorted((a, b) -> Integer.compare(b.deals(), a.deals()))
                .toList();
        BigDecimal wonValue = closed.stream().filter(deal -> deal.stage() == DealStage.CLOSED_WON)
                .map(Row::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new WinRate(won, lost, closed.isEmpty() ? 0 : (double) won / closed.size(), wonValue, reasons);
    }

    @QueryHandler
    Forecast handle(FindForecastQuery query) {
        return new Forecast(jdbc.sql("""
                SELECT to_char(d.expected_close_date, 'YYYY-MM') AS month, count(*) AS deals, sum(d.value) AS total,
                    sum(d.value * open.probability / 100.0) AS weighted
                FROM crm_deal d
                JOIN unnest(CAST(:open AS text[]), CAST(:probabilities AS int[])) AS open(stage, probability)
                  ON open.stage = d.stage
                WHERE d.organization_id = :org AND d.expected_close_date IS NOT NULL
                GROUP BY 1 ORDER BY 1""")
                .param("org", query.organizationId())
                // The weights are the stages' own, sent with them: the rule exists once, on DealStage.
                .param("open", OPEN.stream().map(stage -> wire(stage)).toArray(String[]::new))
                .param("probabilities", OPEN.stream().map(DealStage::probability).toArray(Integer[]::new))
                .query((rs, n) -> new ForecastMonth(rs.getString("month"), rs.getInt("deals"),
                        rs.getBigDecimal("total"), rs.getBigDecimal("weighted").setScale(2, RoundingMode.HALF_UP)))
                .list());
    }

    @QueryHandler
    DealView handle(FindDealQuery query) {
        return jdbc.sql("SELECT * FROM crm_deal WHERE id = :id AND organization_id = :org")
                .param("id", query.dealId()).param("org", query.organizationId())
                .query((rs, n) -> row(rs))
                .optional()
                .map(deal -> view(deal, LocalDate.now(clock), true))
                .orElse(null);
    }

    @QueryHandler
    CompetitorList handle(FindCompetitorsQuery query) {
        return new CompetitorList(jdbc.sql("SELECT * FROM crm_competitor WHERE organization_id = :org ORDER BY name")
                .param("org", query.organizationId())
                .query((rs, n) -> competitor(rs))
                .list());
    }

    @QueryHandler
    CompetitorView handle(FindCompetitorQuery query) {
        return jdbc.sql("SELECT * FROM crm_competitor WHERE organization_id = :org AND id = :id")
                .param("org", query.organizationId()).param("id", query.competitorId())
                .query((rs, n) -> competitor(rs))
                .optional().orElse(null);
    }

    private static CompetitorView competitor(ResultSet rs) throws SQLException {
        return new CompetitorView(uuid(rs, "id"), rs.getString("name"), rs.getString("strengths"),
                rs.getString("weaknesses"), rs.getString("pricing"));
    }

    /** Open deals of one client, for the client 360 view. */
    List<DealView> openDealsOf(String organization, UUID clientId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT * FROM crm_deal WHERE organization_id = :org AND client_id = :client
                  AND stage = ANY(CAST(:open AS text[])) ORDER BY created_at, id""")
                .param("org", organization).param("client", clientId)
                .param("open", OPEN.stream().map(stage -> wire(stage)).toArray(String[]::new))
                .query((rs, n) -> row(rs))
                .list().stream().map(deal -> view(deal, today, false)).toList();
    }

    private PipelineStage stage(DealStage stage, List<Row> deals, LocalDate today, Map<DealStage, Integer> limits) {
        List<PipelineDeal> inStage = deals.stream().filter(deal -> deal.stage() == stage)
                .map(deal -> new PipelineDeal(deal.id(), deal.clientId(), deal.name(), deal.type(), deal.source(),
                        deal.value(), weighted(deal.value(), stage), deal.ownerId(), deal.expectedCloseDate(),
                        daysIn(deal, today), rotting(deal, today, limits)))
                .toList();
        return new PipelineStage(stage, stage.probability(), inStage.size(),
                inStage.stream().map(PipelineDeal::value).reduce(BigDecimal.ZERO, BigDecimal::add),
                inStage.stream().map(PipelineDeal::weightedValue).reduce(BigDecimal.ZERO, BigDecimal::add), inStage);
    }

    private DealView view(Row deal, LocalDate today, boolean withHistory) {
        return new DealView(deal.id(), deal.clientId(), deal.name(), deal.type(), deal.source(), deal.value(),
                deal.stage(), deal.stage().probability(), daysIn(deal, today),
                rotting(deal, today, rottingLimits()),
                deal.expectedCloseDate(), deal.actualCloseDate(), deal.lossReason(), deal.ownerId(),
                deal.engagementId(), competitors(deal.organizationId(), deal.id()),
                withHistory ? reports(deal.organizationId(), deal.id()) : List.of(),
                deal.version());
    }

    private List<DealCompetitor> competitors(String organization, UUID dealId) {
        return jdbc.sql("""
                SELECT c.competitor_id, k.name, c.status FROM crm_deal_competitor c
                LEFT JOIN crm_competitor k ON k.organization_id = c.organization_id AND k.id = c.competitor_id
                WHERE c.organization_id = :org AND c.deal_id = :id ORDER BY k.name""")
                .param("org", organization).param("id", dealId)
                .query((rs, n) -> new DealCompetitor(uuid(rs, "competitor_id"), rs.getString("name"),
                        parse(CompetitorStatus.class, rs.getString("status"))))
                .list();
    }

    private List<StageExitReport> reports(String organization, UUID dealId) {
        return jdbc.sql("""
                SELECT * FROM crm_deal_stage_report WHERE organization_id = :org AND deal_id = :id
                ORDER BY changed_at, event_id""")
                .param("org", organization).param("id", dealId)
                .query((rs, n) -> new StageExitReport(parse(DealStage.class, rs.getString("left_stage")),
                        parse(DealStage.class, rs.getString("entered_stage")), instant(rs, "changed_at"),
                        json.readValue(rs.getString("criteria"), CRITERIA)))
                .list();
    }

    /**
     * Each open stage's limit, looked up once per read: resolving the property for every deal took half the CPU of
     * a 10,000-deal pipeline in the profile.
     */
    private Map<DealStage, Integer> rottingLimits() {
        Map<DealStage, Integer> limits = new EnumMap<>(DealStage.class);
        for (DealStage stage : OPEN) {
            Integer limit = environment.getProperty("firmos.pipeline.rotting-days." + wire(stage), Integer.class);
            if (limit != null) {
                limits.put(stage, limit);
            }
        }
        return limits;
    }

    private static boolean rotting(Row deal, LocalDate today, Map<DealStage, Integer> limits) {
        Integer limit = limits.get(deal.stage());
        return limit != null && daysIn(deal, today) > limit;
    }

    private static long daysIn(Row deal, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(LocalDate.ofInstant(deal.stageEnteredAt(), ZoneOffset.UTC),
                today));
    }


    private static BigDecimal weighted(BigDecimal value, DealStage stage) {
        return value.multiply(BigDecimal.valueOf(stage.probability())).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.HALF_UP);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(uuid(rs, "id"), rs.getString("organization_id"), uuid(rs, "client_id"), rs.getString("name"),
                parse(DealType.class, rs.getString("type")), parse(DealSource.class, rs.getString("source")),
                rs.getBigDecimal("value"), parse(DealStage.class, rs.getString("stage")),
                instant(rs, "stage_entered_at"), rs.getObject("expected_close_date", LocalDate.class),
                rs.getObject("actual_close_date", LocalDate.class), rs.getString("loss_reason"),
                rs.getString("owner_id"), uuid(rs, "engagement_id"), rs.getLong("version"));
    }

    private record Row(UUID id, String organizationId, UUID clientId, String name, DealType type, DealSource source,
            BigDecimal value,
            DealStage stage, Instant stageEnteredAt, LocalDate expectedCloseDate, LocalDate actualCloseDate,
            String lossReason, String ownerId, UUID engagementId, long version) {
    }
}
