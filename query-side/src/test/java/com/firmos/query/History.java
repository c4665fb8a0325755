package com.firmos.query;

import static com.firmos.api.messages.MetadataKeys.CAUSATION_ID;
import static com.firmos.api.messages.MetadataKeys.CLIENT_IP;
import static com.firmos.api.messages.MetadataKeys.CORRELATION_ID;
import static com.firmos.api.messages.MetadataKeys.ORGANIZATION_ID;
import static com.firmos.api.messages.MetadataKeys.USER_AGENT;
import static com.firmos.api.messages.MetadataKeys.USER_ID;
import static com.firmos.api.messages.MetadataKeys.USER_NAME;
import static com.firmos.api.messages.MetadataKeys.USER_ROLE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;

import com.firmos.api.messages.crm.Sealed;

/**
 * A tenant's generated event stream, as a streaming processor receives it from the store: each event a domain
 * event of its aggregate (type, id, sequence from 0), with a tracking token, a timestamp that moves forward and
 * the metadata the REST layer writes (tenant, caller, request). The same seed gives the same history, ids included,
 * in any tenant: two tenants' rows can be compared once the tenant is taken out of them ({@link #aliases}).
 */
public final class History {

    private static final Instant START = Instant.parse("2026-03-02T08:30:00Z");
    private static final String[] FRAGMENTS = {"Kick-off with the steering committee", "Ünïcödé naïve café façade",
        "日本語のテキストと漢字", "עברית מימין לשמאל", "emoji 🚀👩🏽‍💻🇩🇪", "quotes ' \" and a \\ backslash",
        "line\nbreak\tand tab", "100% _wild_ cards", "<b>markup</b> & entities", "Robert'); DROP TABLE task;--",
        "Ελληνικά κείμενα", "Zürich–Genève — “typographic” quotes"};
    /** Whole values that mean something else in an array literal or in SQL: set writes carry text arrays. */
    private static final String[] SPECIAL = {"NULL", "null", "\\N", "{a,b}", "{}", "{\"NULL\"}", "\"", ",", "\\",
        " padded ", "(1,2)", "'"};
    private static final String[][] CALLERS = {{"user_admin", "Ada Admin", "admin"},
        {"user_consultant", "Zoë Ødegård-Łukasz 🧭", "consultant"}, {"user_lead", "李小龍", "lead"}};

    private final String tenant;
    private final Random random;
    private final List<TrackedEventMessage<?>> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private Instant now = START;
    private long position;
    private boolean system;

    public History(String tenant, long seed) {
        this.tenant = tenant;
        this.random = new Random(seed);
        aliases.put(tenant, "{tenant}");
    }

    public String tenant() {
        return tenant;
    }

    public Random random() {
        return random;
    }

    /** The events so far, in the order a processor receives them. */
    public List<TrackedEventMessage<?>> events() {
        return List.copyOf(events);
    }

    /** Values that name the tenant (or are derived from it) and what they read as once it is taken out. */
    public Map<String, String> aliases() {
        return Map.copyOf(aliases);
    }

    /** Records a value derived from the tenant (an aggregate id like a comment's key) under a tenant-free name. */
    public <T> T alias(T value, String name) {
        aliases.put(value.toString(), "{" + name + "}");
        return value;
    }

    /** Appends the next event of the aggregate's stream; the caller is a user unless {@link #bySystem} is on. */
    public <T> T append(String aggregateType, Object aggregateId, T payload) {
        String key = aggregateType + "/" + aggregateId;
        long sequence = sequences.merge(key, 1L, Long::sum) - 1;
        // Nanoseconds in steps of 500, drawn apart from the history's choices: times the database rounds to the
        // microsecond, half of them by a half.
        now = now.plus(Duration.ofSeconds(1 + random.nextInt(4 * 3600), 500L * (events.size() * 7 % 2_000)));
        position += 1 + random.nextInt(3);
        GenericDomainEventMessage<T> event = new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(),
                sequence, payload, metaData(), id().toString(), now);
        events.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), event));
        return payload;
    }

    /** The events appended inside {@code block} carry no caller, as those of schedulers and sagas do. */
    public void bySystem(Runnable block) {
        system = true;
        try {
            block.run();
        } finally {
            system = false;
        }
    }

    private Map<String, Object> metaData() {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(ORGANIZATION_ID, tenant);
        metaData.put(CORRELATION_ID, id().toString());
        metaData.put(CAUSATION_ID, id().toString());
        if (!system) {
            String[] caller = CALLERS[random.nextInt(CALLERS.length)];
            metaData.put(USER_ID, caller[0]);
            metaData.put(USER_NAME, caller[1]);
            metaData.put(USER_ROLE, caller[2]);
            metaData.put(CLIENT_IP, "203.0.113." + random.nextInt(255));
            metaData.put(USER_AGENT, "Mozilla/5.0 (X11; Linux x86_64) Firefox/" + (120 + random.nextInt(20)));
        }
        return metaData;
    }

    /** The moment of the last event appended: what a handler's {@code @Timestamp} reads. */
    public Instant now() {
        return now;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    public UUID id() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return UUID.nameUUIDFromBytes(bytes);
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public int between(int lowest, int highest) {
        return lowest + random.nextInt(highest - lowest + 1);
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public <E extends Enum<E>> E pick(Class<E> type) {
        E[] values = type.getEnumConstants();
        return values[random.nextInt(values.length)];
    }

    /** Text of at most {@code max} characters: short, or now and then exactly as long as the domain allows. */
    public String text(int max) {
        if (chance(8)) {
            return cut(SPECIAL[random.nextInt(SPECIAL.length)], max);
        }
        StringBuilder text = new StringBuilder(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        int length = chance(20) ? max : Math.min(max, between(1, 120));
        while (text.length() < length) {
            text.append(' ').append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return cut(text.toString(), length);
    }

    /** Optional text: absent, empty or text. */
    public String optionalText(int max) {
        int roll = random.nextInt(10);
        return roll < 2 ? null : roll == 2 ? "" : text(max);
    }

    /** Personal data as it reaches the domain: sealed under its person's key. */
    public Sealed sealed(Object subject) {
        byte[] ciphertext = new byte[between(16, 600)];
        random.nextBytes(ciphertext);
        return new Sealed(subject.toString(), "v1:" + Base64.getEncoder().encodeToString(ciphertext));
    }

    /** A USD amount in whole cents up to {@code max}, now and then the largest the read tables hold. */
    public BigDecimal amount(long max) {
        if (chance(3)) {
            return new BigDecimal("999999999999.99").min(BigDecimal.valueOf(max)).setScale(2);
        }
        return BigDecimal.valueOf(random.nextLong(max * 100 + 1)).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Cuts at a code point boundary, so no surrogate pair is split. */
    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = length;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Two histories merged as a shared store would hand them out: alternately, each in its own order. */
    public static List<TrackedEventMessage<?>> interleaved(History first, History second) {
        List<TrackedEventMessage<?>> merged = new ArrayList<>();
        List<TrackedEventMessage<?>> a = first.events();
        List<TrackedEventMessage<?>> b = second.events();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                merged.add(a.get(i));
            }
            if (i < b.size()) {
                merged.add(b.get(i));
            }
        }
        return merged;
    }
}
