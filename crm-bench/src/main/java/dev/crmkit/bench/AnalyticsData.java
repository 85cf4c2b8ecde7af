package dev.crmkit.bench;

import dev.crmkit.api.deal.StageId;
import dev.crmkit.core.analytics.DealCycle;
import dev.crmkit.core.analytics.ExchangeRates;
import dev.crmkit.core.analytics.Figure;
import dev.crmkit.core.analytics.FunnelReport;
import dev.crmkit.core.analytics.Sum;
import dev.crmkit.spi.AnalyticsQueries.CycleFacts;
import dev.crmkit.spi.AnalyticsQueries.Durations;
import dev.crmkit.spi.AnalyticsQueries.FunnelFacts;
import dev.crmkit.spi.AnalyticsQueries.FunnelStage;
import dev.crmkit.spi.AnalyticsQueries.StageAmounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Generated stage transitions of a CRM in use for two years (2025 and 2026), the same for a seed on every run,
 * in primitive columns, with the funnel and cycle facts they imply worked out by a straightforward pass over them
 * (the answer every side of {@link AnalyticsBenchmark} must give).
 *
 * <p>The shape: two pipelines, Sales (six open stages, then Won and Lost; 75 % of the deals) and Partners (four
 * open stages; 25 %). A deal is created in the first stage at a time spread evenly over the two years and then
 * walks: from an open stage it moves one stage on (sometimes two), one back (20 %, sometimes two), is lost (6 %),
 * won (2 % at the first stage rising to 12 % at the last; moving on from the last open stage also wins) or stays
 * where it is (2 %); a lost deal is reopened now and then (8 %, into one of the first three stages). Moves are
 * about four days apart (exponentially distributed, millisecond times); a walk stops at the end of 2026, so deals
 * created late are still open. That gives about six transitions a deal (5.8), so 10,000,000 transitions are
 * 1,719,197 deals. 12 % of the deals have no budget; the rest are log-normal around 150,000, mostly whole
 * thousands or tens of thousands, 85 % in roubles, 10 % in dollars and 5 % in euros, and 5 % of the moves come
 * with a changed amount (a transition carries the budget at that moment). Twenty managers, the first ones busier.
 * The last deal's walk is cut so that the total is exactly the number asked.
 *
 * <p>Rows are sorted by pipeline, then time, then id; transition ids rise with their time (as version 7 uuids
 * do) and, within one millisecond, with the row, so the order of the rows is the order of (time, id) that "last"
 * and "earliest" are decided by. Deals are numbered densely in order of creation.
 */
public final class AnalyticsData {

    /** The first instant of the data. */
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    /** The end of the data: no transition at or after it. */
    static final Instant END = Instant.parse("2027-01-01T00:00:00Z");
    /** The reports' period: the year 2026. */
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    /** The end of the reports' period, exclusive. */
    static final Instant TO = END;
    /** The pipelines' names. */
    static final String[] PIPELINES = {"Sales", "Partners"};
    /** The open stages of each pipeline; Won and Lost follow them, in that order. */
    static final String[][] OPEN = {
        {"First contact", "Qualification", "Proposal", "Negotiation", "Contract", "Invoice"},
        {"Application", "Check", "Agreement", "Onboarding"}};
    /** The currencies by code number. */
    static final String[] CURRENCIES = {"RUB", "USD", "EUR"};
    /** The rates every side converts the sums with. */
    static final ExchangeRates RATES = ExchangeRates.in("RUB").rate("USD", "92.5").rate("EUR", "100.25");
    /** How many managers. */
    static final int MANAGERS = 20;
    private static final long START_MS = START.toEpochMilli();
    private static final long SPAN_MS = END.toEpochMilli() - START_MS;
    private static final long MEAN_GAP_MS = 4L * 24 * 3600 * 1000;

    /** How many transitions. */
    final int size;
    /** How many deals. */
    final int deals;
    /** Per pipeline, its first row; the last entry is {@link #size}. */
    final int[] pipelineStart;
    /** Per transition: the time in epoch milliseconds. */
    final long[] at;
    /** Per transition: the id's halves. */
    final long[] idHigh;
    final long[] idLow;
    /** Per transition: the deal's number. */
    final int[] deal;
    /** Per transition: the stage left (its place in the pipeline), -1 for a creation. */
    final byte[] from;
    /** Per transition: the stage entered. */
    final byte[] to;
    /** Per transition: the budget's currency number, -1 for none. */
    final byte[] currency;
    /** Per transition: the budget in hundredths. */
    final long[] cents;
    /** Per deal: its pipeline. */
    final byte[] dealPipeline;
    /** Per deal: its stage now. */
    final byte[] dealStage;
    /** Per deal: its budget's currency now, -1 for none. */
    final byte[] dealCurrency;
    /** Per deal: its budget now in hundredths. */
    final long[] dealCents;
    /** Per deal: its responsible manager's number. */
    final byte[] dealManager;
    /** Per deal: its creation in epoch milliseconds. */
    final long[] dealCreated;
    /** Per deal: the time of its last transition. */
    final long[] dealLast;
    /** Per deal: its id's halves. */
    final long[] dealHigh;
    final long[] dealLow;

    private AnalyticsData(int size, int deals) {
        this.size = size;
        this.deals = deals;
        pipelineStart = new int[PIPELINES.length + 1];
        at = new long[size];
        idHigh = new long[size];
        idLow = new long[size];
        deal = new int[size];
        from = new byte[size];
        to = new byte[size];
        currency = new byte[size];
        cents = new long[size];
        dealPipeline = new byte[deals];
        dealStage = new byte[deals];
        dealCurrency = new byte[deals];
        dealCents = new long[deals];
        dealManager = new byte[deals];
        dealCreated = new long[deals];
        dealLast = new long[deals];
        dealHigh = new long[deals];
        dealLow = new long[deals];
    }

    /** The number of open stages of a pipeline. */
    static int open(int pipeline) {
        return OPEN[pipeline].length;
    }

    /** The number of stages of a pipeline, Won and Lost included. */
    static int stages(int pipeline) {
        return OPEN[pipeline].length + 2;
    }

    /** The kind of a stage by its place: "OPEN", "WON" or "LOST". */
    static String kind(int pipeline, int place) {
        return place < open(pipeline) ? "OPEN" : place == open(pipeline) ? "WON" : "LOST";
    }

    /**
     * Generates the transitions.
     *
     * @param seed the seed
     * @param size how many transitions, at most 16,000,000
     * @return the data
     */
    public static AnalyticsData generate(long seed, int size) {
        if (size < 1 || size > 16_000_000) {
            throw new IllegalArgumentException("between 1 and 16,000,000 transitions, not " + size);
        }
        Random r = new Random(seed);
        long[] tAt = new long[size];
        int[] tDeal = new int[size];
        byte[] tPipeline = new byte[size];
        byte[] tFrom = new byte[size];
        byte[] tTo = new byte[size];
        byte[] tCurrency = new byte[size];
        long[] tCents = new long[size];
        int capacity = size / 4 + 16;
        byte[] dPipeline = new byte[capacity];
        byte[] dStage = new byte[capacity];
        byte[] dCurrency = new byte[capacity];
        long[] dCents = new long[capacity];
        byte[] dManager = new byte[capacity];
        long[] dCreated = new long[capacity];
        long[] dLast = new long[capacity];
        int t = 0;
        int d = 0;
        while (t < size) {
            if (d == dPipeline.length) {
                capacity = capacity + (capacity >> 1);
                dPipeline = Arrays.copyOf(dPipeline, capacity);
                dStage = Arrays.copyOf(dStage, capacity);
                dCurrency = Arrays.copyOf(dCurrency, capacity);
                dCents = Arrays.copyOf(dCents, capacity);
                dManager = Arrays.copyOf(dManager, capacity);
                dCreated = Arrays.copyOf(dCreated, capacity);
                dLast = Arrays.copyOf(dLast, capacity);
            }
            int p = r.nextInt(4) == 0 ? 1 : 0;
            int k = open(p);
            long time = START_MS + (long) (r.nextDouble() * (SPAN_MS - 3_600_000L));
            int manager = Math.min(MANAGERS - 1, (int) Math.abs(r.nextGaussian() * 6));
            int cur = -1;
            long amount = 0;
            if (r.nextInt(100) >= 12) {
                int c = r.nextInt(20);
                cur = c < 17 ? 0 : c < 19 ? 1 : 2;
                amount = amount(r);
            }
            dPipeline[d] = (byte) p;
            dManager[d] = (byte) manager;
            dCreated[d] = time;
            int stage = 0;
            // The creation.
            tAt[t] = time;
            tDeal[t] = d;
            tPipeline[t] = (byte) p;
            tFrom[t] = -1;
            tTo[t] = 0;
            tCurrency[t] = (byte) cur;
            tCents[t] = amount;
            t++;
            while (t < size) {
                time += 1 + (long) (-Math.log(1 - r.nextDouble()) * MEAN_GAP_MS);
                if (time >= END.toEpochMilli()) {
                    break;
                }
                int next;
                if (stage == k) {
                    break;
                } else if (stage == k + 1) {
                    if (r.nextInt(100) >= 8) {
                        break;
                    }
                    next = r.nextInt(Math.min(3, k));
                } else {
                    double x = r.nextDouble();
                    double lose = 0.06;
                    double win = 0.02 + 0.10 * stage / (k - 1);
                    double back = stage > 0 ? 0.20 : 0;
                    double stay = 0.02;
                    if (x < lose) {
                        next = k + 1;
                    } else if (x < lose + win) {
                        next = k;
                    } else if (x < lose + win + back) {
                        next = stage >= 2 && r.nextInt(5) == 0 ? stage - 2 : stage - 1;
                    } else if (x < lose + win + back + stay) {
                        break;
                    } else {
                        next = Math.min(k, stage + (r.nextInt(7) == 0 ? 2 : 1));
                    }
                }
                if (cur >= 0 && r.nextInt(20) == 0) {
                    amount = amount(r);
                }
                tAt[t] = time;
                tDeal[t] = d;
                tPipeline[t] = (byte) p;
                tFrom[t] = (byte) stage;
                tTo[t] = (byte) next;
                tCurrency[t] = (byte) cur;
                tCents[t] = amount;
                t++;
                stage = next;
            }
            dStage[d] = (byte) stage;
            dCurrency[d] = (byte) cur;
            dCents[d] = amount;
            dLast[d] = tAt[t - 1];
            d++;
        }
        AnalyticsData data = new AnalyticsData(size, d);
        System.arraycopy(dPipeline, 0, data.dealPipeline, 0, d);
        System.arraycopy(dStage, 0, data.dealStage, 0, d);
        System.arraycopy(dCurrency, 0, data.dealCurrency, 0, d);
        System.arraycopy(dCents, 0, data.dealCents, 0, d);
        System.arraycopy(dManager, 0, data.dealManager, 0, d);
        System.arraycopy(dCreated, 0, data.dealCreated, 0, d);
        System.arraycopy(dLast, 0, data.dealLast, 0, d);
        for (int i = 0; i < d; i++) {
            data.dealHigh[i] = (data.dealCreated[i] << 16) | 0x7000L | r.nextInt(0x1000);
            data.dealLow[i] = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE;
        }
        // Sort by pipeline, time, then generation order: (pipeline, ms since the start, row) in one long.
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) tPipeline[i] << 60) | ((tAt[i] - START_MS) << 24) | i;
        }
        Arrays.sort(keys);
        long lastMs = Long.MIN_VALUE;
        int sequence = 0;
        int pipeline = -1;
        for (int row = 0; row < size; row++) {
            int i = (int) (keys[row] & 0xFFFFFF);
            while (pipeline < tPipeline[i]) {
                data.pipelineStart[++pipeline] = row;
            }
            data.at[row] = tAt[i];
            data.deal[row] = tDeal[i];
            data.from[row] = tFrom[i];
            data.to[row] = tTo[i];
            data.currency[row] = tCurrency[i];
            data.cents[row] = tCents[i];
            sequence = tAt[i] == lastMs ? sequence + 1 : 0;
            if (sequence > 0xFFF) {
                throw new IllegalStateException("more than 4,096 transitions in one millisecond");
            }
            lastMs = tAt[i];
            data.idHigh[row] = (tAt[i] << 16) | 0x7000L | sequence;
            data.idLow[row] = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE;
        }
        while (pipeline < PIPELINES.length) {
            data.pipelineStart[++pipeline] = size;
        }
        return data;
    }

    /** Log-normal around 150,000 in hundredths: mostly whole thousands or tens of thousands, some to the kopeck. */
    private static long amount(Random r) {
        double raw = Math.exp(Math.log(150_000) + 1.2 * r.nextGaussian());
        BigDecimal a = BigDecimal.valueOf(Math.min(raw, 5e9)).setScale(2, RoundingMode.HALF_UP);
        int shape = r.nextInt(20);
        if (shape < 12) {
            a = a.setScale(-3, RoundingMode.HALF_UP).setScale(2);
        } else if (shape < 17) {
            a = a.setScale(-4, RoundingMode.HALF_UP).setScale(2);
        }
        return a.unscaledValue().longValueExact();
    }

    /** A transition's id. */
    UUID id(int row) {
        return new UUID(idHigh[row], idLow[row]);
    }

    /** A deal's id. */
    UUID dealId(int number) {
        return new UUID(dealHigh[number], dealLow[number]);
    }

    /** A currency by its number. */
    static Currency currencyOf(int code) {
        return Currency.getInstance(CURRENCIES[code]);
    }

    /** Placeholder stage ids for facts that have no stored pipeline behind them; answers ignore them. */
    static StageId placeholder(int pipeline, int place) {
        return new StageId(new UUID(pipeline + 1, place + 1));
    }

    // ---- the answer, worked out ----

    /**
     * The funnel facts of a pipeline over {@link #FROM} to {@link #TO}, for all its deals, by one pass over the
     * rows (the semantics of {@link dev.crmkit.spi.AnalyticsQueries}).
     *
     * @param p the pipeline's number
     * @return the facts, with placeholder stage ids
     */
    FunnelFacts funnel(int p) {
        Pass pass = new Pass(p);
        int n = stages(p);
        List<FunnelStage> rows = new ArrayList<>();
        for (int place = 0; place < n; place++) {
            long entered = 0;
            long moved = 0;
            long lost = 0;
            long reached = 0;
            for (int dl = 0; dl < deals; dl++) {
                if (dealPipeline[dl] != p) {
                    continue;
                }
                entered += (pass.entered[dl] >>> place) & 1;
                moved += (pass.moved[dl] >>> place) & 1;
                lost += (pass.lost[dl] >>> place) & 1;
                boolean reach = place < open(p) ? pass.wonRow[dl] >= 0 || pass.maxOpen[dl] >= place
                        : place == open(p) ? pass.wonRow[dl] >= 0 : pass.lostRow[dl] >= 0;
                reached += reach ? 1 : 0;
            }
            rows.add(new FunnelStage(now(p, place), entered, moved, lost, reached));
        }
        long won = 0;
        long fresh = 0;
        Map<Currency, BigDecimal> wonSum = new HashMap<>();
        for (int dl = 0; dl < deals; dl++) {
            if (dealPipeline[dl] != p) {
                continue;
            }
            fresh += pass.createdIn[dl] && !pass.createdBefore[dl] ? 1 : 0;
            int w = pass.wonRow[dl];
            if (w >= 0) {
                won++;
                if (currency[w] >= 0) {
                    wonSum.merge(currencyOf(currency[w]), BigDecimal.valueOf(cents[w], 2), BigDecimal::add);
                }
            }
        }
        return new FunnelFacts(rows, fresh, won, wonSum);
    }

    private StageAmounts now(int p, int place) {
        long count = 0;
        Map<Currency, BigDecimal> sums = new HashMap<>();
        for (int dl = 0; dl < deals; dl++) {
            if (dealPipeline[dl] == p && dealStage[dl] == place) {
                count++;
                if (dealCurrency[dl] >= 0) {
                    sums.merge(currencyOf(dealCurrency[dl]), BigDecimal.valueOf(dealCents[dl], 2), BigDecimal::add);
                }
            }
        }
        return new StageAmounts(placeholder(p, place), count, sums);
    }

    /**
     * The cycle facts of a pipeline over {@link #FROM} to {@link #TO}, from each deal's entry into the pipeline.
     *
     * @param p the pipeline's number
     * @return the facts
     */
    CycleFacts cycle(int p) {
        Pass pass = new Pass(p);
        return new CycleFacts(durations(pass, pass.wonRow), durations(pass, pass.lostRow));
    }

    private Durations durations(Pass pass, int[] closes) {
        long[] ms = new long[deals];
        int n = 0;
        for (int dl = 0; dl < deals; dl++) {
            if (dealPipeline[dl] == pass.p && closes[dl] >= 0 && pass.first[dl] <= at[closes[dl]]) {
                ms[n++] = at[closes[dl]] - pass.first[dl];
            }
        }
        Arrays.sort(ms, 0, n);
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += ms[i];
        }
        Optional<BigDecimal> median = n == 0 ? Optional.empty() : Optional.of(n % 2 == 1
                ? BigDecimal.valueOf(ms[n / 2], 3)
                : BigDecimal.valueOf(ms[n / 2 - 1] + ms[n / 2], 3).divide(BigDecimal.valueOf(2)));
        return new Durations(n, BigDecimal.valueOf(total, 3), median);
    }

    /** What the rows of one pipeline up to the period's end say about each deal. */
    private final class Pass {

        final int p;
        final int[] entered = new int[deals];
        final int[] moved = new int[deals];
        final int[] lost = new int[deals];
        final int[] maxOpen = new int[deals];
        final int[] wonRow = new int[deals];
        final int[] lostRow = new int[deals];
        final long[] first = new long[deals];
        final boolean[] createdBefore = new boolean[deals];
        final boolean[] createdIn = new boolean[deals];

        Pass(int p) {
            this.p = p;
            Arrays.fill(maxOpen, -1);
            Arrays.fill(wonRow, -1);
            Arrays.fill(lostRow, -1);
            Arrays.fill(first, Long.MAX_VALUE);
            int k = open(p);
            long fromMs = FROM.toEpochMilli();
            long toMs = TO.toEpochMilli();
            for (int row = pipelineStart[p]; row < pipelineStart[p + 1] && at[row] < toMs; row++) {
                int dl = deal[row];
                first[dl] = Math.min(first[dl], at[row]);
                boolean creation = from[row] < 0;
                if (at[row] < fromMs) {
                    createdBefore[dl] |= creation;
                    continue;
                }
                createdIn[dl] |= creation;
                int place = to[row];
                entered[dl] |= 1 << place;
                if (from[row] >= 0 && from[row] < k) {
                    if (place == k || place < k && place > from[row]) {
                        moved[dl] |= 1 << from[row];
                    } else if (place == k + 1) {
                        lost[dl] |= 1 << from[row];
                    }
                }
                if (place < k) {
                    maxOpen[dl] = Math.max(maxOpen[dl], place);
                } else if (place == k) {
                    wonRow[dl] = row;
                } else {
                    lostRow[dl] = row;
                }
            }
        }
    }

    // ---- the comparable answers ----

    /**
     * One stage of a funnel as every side reports it, the sum converted with {@link #RATES}.
     *
     * @param nowCount the deals in the stage now
     * @param nowSum their budgets
     * @param entered the deals that entered it in the period
     * @param movedOn the deals moved on from it
     * @param lostHere the deals lost from it
     * @param reached the deals that reached it or a later stage
     */
    public record StageLine(long nowCount, Sum nowSum, long entered, long movedOn, long lostHere, long reached) {
    }

    /**
     * A funnel as every side reports it.
     *
     * @param stages the stages in the pipeline's order
     * @param newDeals the deals created in the period
     * @param won the deals won in it
     * @param wonSum their budgets, converted
     */
    public record Funnel(List<StageLine> stages, long newDeals, long won, Sum wonSum) {

        /**
         * The answer of facts, sums converted with {@link #RATES}.
         *
         * @param f the facts
         * @return the answer
         */
        static Funnel of(FunnelFacts f) {
            List<StageLine> lines = new ArrayList<>();
            for (FunnelStage s : f.stages()) {
                lines.add(new StageLine(s.now().count(), RATES.convert(s.now().sum()), s.entered(), s.movedOn(),
                        s.lostHere(), s.reached()));
            }
            return new Funnel(List.copyOf(lines), f.newDeals(), f.won(), RATES.convert(f.wonSum()));
        }

        /**
         * The answer of crmkit's report.
         *
         * @param r the report
         * @return the answer
         */
        static Funnel of(FunnelReport r) {
            List<StageLine> lines = new ArrayList<>();
            for (FunnelReport.StageRow s : r.stages()) {
                lines.add(new StageLine(s.nowCount(), s.nowSum(), s.entered(), s.movedOn(), s.lostHere(), s.reached()));
            }
            return new Funnel(List.copyOf(lines), r.newDeals(), r.won(), r.wonSum());
        }
    }

    /**
     * A cycle as every side reports it: the lengths to Won and to Lost, in days.
     *
     * @param won to Won
     * @param lost to Lost
     */
    public record Cycle(DealCycle.Lengths won, DealCycle.Lengths lost) {

        private static final BigDecimal DAY = BigDecimal.valueOf(86_400);

        /**
         * The answer of facts, as crmkit's report turns them into lengths.
         *
         * @param f the facts
         * @return the answer
         */
        static Cycle of(CycleFacts f) {
            return new Cycle(lengths(f.won()), lengths(f.lost()));
        }

        /**
         * The answer of crmkit's report.
         *
         * @param c the report
         * @return the answer
         */
        static Cycle of(DealCycle c) {
            return new Cycle(c.toWon(), c.toLost());
        }

        private static DealCycle.Lengths lengths(Durations d) {
            Figure mean = Figure.ratio(d.totalSeconds(), DAY.multiply(BigDecimal.valueOf(d.count())), "an.no_deals");
            Figure median = Figure.ratio(d.medianSeconds().orElse(BigDecimal.ZERO),
                    d.medianSeconds().isPresent() ? DAY : BigDecimal.ZERO, "an.no_deals");
            return new DealCycle.Lengths(d.count(), mean, median);
        }
    }

    /**
     * The funnels of every pipeline, worked out.
     *
     * @return one per pipeline
     */
    List<Funnel> funnels() {
        List<Funnel> all = new ArrayList<>();
        for (int p = 0; p < PIPELINES.length; p++) {
            all.add(Funnel.of(funnel(p)));
        }
        return List.copyOf(all);
    }

    /**
     * The cycles of every pipeline, worked out.
     *
     * @return one per pipeline
     */
    List<Cycle> cycles() {
        List<Cycle> all = new ArrayList<>();
        for (int p = 0; p < PIPELINES.length; p++) {
            all.add(Cycle.of(cycle(p)));
        }
        return List.copyOf(all);
    }
}
