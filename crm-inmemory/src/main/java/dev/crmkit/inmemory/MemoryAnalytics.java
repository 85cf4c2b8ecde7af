package dev.crmkit.inmemory;

import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.deal.StageTransition;
import dev.crmkit.api.deal.StageTransitionId;
import dev.crmkit.api.money.Budget;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.user.UserId;
import dev.crmkit.spi.AnalyticsQueries;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link AnalyticsQueries} of the in-memory adapter: one pass over the pipeline's columns of the {@link
 * TransitionLog} (a binary search finds the period; the rows before it give each deal's creation and cycle start),
 * plus the transaction's own uncommitted transitions, with the deals D read through the query indexes. The same
 * semantics as crm-core's portable implementation, which the TCK compares it with; everything is computed under
 * one hold of the storage's read lock, so it sees each commit entirely or not at all. For the transaction's
 * thread only.
 */
final class MemoryAnalytics implements AnalyticsQueries {

    private static final byte OPEN = 0;
    private static final byte WON = 1;
    private static final byte LOST = 2;
    private static final int NONE = Integer.MIN_VALUE;

    private final MemoryTransaction tx;

    MemoryAnalytics(MemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public FunnelFacts funnel(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to) {
        return read(() -> {
            Selection s = new Selection(pipeline, deals, from, to, null);
            List<FunnelStage> stages = new ArrayList<>();
            for (int i = 0; i < s.stageCount; i++) {
                long reached = switch (s.kinds[i]) {
                    case OPEN -> s.reached(i);
                    case WON -> s.countWhere(s.wonRef);
                    default -> s.countWhere(s.lostRef);
                };
                stages.add(new FunnelStage(s.now(i), s.bits(s.entered, i), s.bits(s.moved, i), s.bits(s.lost, i),
                        reached));
            }
            Sums won = new Sums();
            for (int slot = 0; slot < s.slots; slot++) {
                if (s.wonRef[slot] != NONE) {
                    s.addBudget(won, s.wonRef[slot]);
                }
            }
            return new FunnelFacts(stages, s.countFresh(), s.countWhere(s.wonRef), won.result());
        });
    }

    @Override
    public CycleFacts cycle(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to, Optional<StageId> start) {
        Objects.requireNonNull(start, "start");
        return read(() -> {
            Selection s = new Selection(pipeline, deals, from, to, start);
            return new CycleFacts(s.durations(s.wonRef), s.durations(s.lostRef));
        });
    }

    @Override
    public SummaryFacts summary(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to) {
        return read(() -> {
            Selection s = new Selection(pipeline, deals, from, to, null);
            Map<UserId, long[]> counts = new LinkedHashMap<>();
            Map<UserId, Sums> sums = new HashMap<>();
            for (int slot = 0; slot < s.slots; slot++) {
                boolean fresh = s.fresh(slot);
                boolean won = s.wonRef[slot] != NONE;
                boolean lost = s.lostRef[slot] != NONE;
                if (!fresh && !won && !lost) {
                    continue;
                }
                UserId manager = s.found.get(slot).responsible();
                long[] c = counts.computeIfAbsent(manager, m -> new long[3]);
                Sums sum = sums.computeIfAbsent(manager, m -> new Sums());
                c[0] += fresh ? 1 : 0;
                c[1] += won ? 1 : 0;
                c[2] += lost ? 1 : 0;
                if (won) {
                    s.addBudget(sum, s.wonRef[slot]);
                }
            }
            List<ManagerFacts> managers = new ArrayList<>();
            counts.forEach((m, c) -> managers.add(new ManagerFacts(m, c[0], c[1], c[2], sums.get(m).result())));
            List<StageAmounts> stages = new ArrayList<>();
            for (int i = 0; i < s.stageCount; i++) {
                stages.add(s.now(i));
            }
            return new SummaryFacts(managers, stages);
        });
    }

    @Override
    public ForecastFacts forecast(Pipeline pipeline, Filter<Deal> deals, LocalDate closeFrom, LocalDate closeTo) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(closeFrom, "closeFrom");
        Objects.requireNonNull(closeTo, "closeTo");
        List<Deal> found = tx.deals.visibleMatching(Objects.requireNonNull(deals, "deals"));
        List<StageAmounts> open = new ArrayList<>();
        List<StageAmounts> expected = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            if (stage.kind() != StageKind.OPEN) {
                continue;
            }
            Sums all = new Sums();
            Sums soon = new Sums();
            long n = 0;
            long m = 0;
            for (Deal d : found) {
                if (d.stage().equals(stage.id())) {
                    n++;
                    d.budget().ifPresent(all::add);
                    if (d.expectedClose().filter(c -> !c.isBefore(closeFrom) && !c.isAfter(closeTo)).isPresent()) {
                        m++;
                        d.budget().ifPresent(soon::add);
                    }
                }
            }
            open.add(new StageAmounts(stage.id(), n, all.result()));
            expected.add(new StageAmounts(stage.id(), m, soon.result()));
        }
        return new ForecastFacts(open, expected);
    }

    private <T> T read(java.util.function.Supplier<T> work) {
        tx.checkOpen();
        return tx.storage.read(work);
    }

    /** Exact sums per currency: longs per currency while the scale stays one and nothing overflows. */
    static final class Sums {

        private final Map<Currency, long[]> compact = new HashMap<>();
        private final Map<Currency, BigDecimal> rest = new HashMap<>();

        void add(Budget budget) {
            BigDecimal amount = budget.amount().amount();
            if (amount.unscaledValue().bitLength() < 64) {
                add(budget.amount().currency(), amount.unscaledValue().longValue(), amount.scale());
            } else {
                add(budget.amount().currency(), amount);
            }
        }

        void add(Currency currency, long unscaled, int scale) {
            long[] sum = compact.get(currency);
            if (sum == null) {
                compact.put(currency, new long[] {unscaled, scale});
                return;
            }
            if (sum[1] == scale) {
                long total = sum[0] + unscaled;
                // Overflow only when both have the same sign and the result has the other.
                if (((sum[0] ^ total) & (unscaled ^ total)) >= 0) {
                    sum[0] = total;
                    return;
                }
            }
            add(currency, BigDecimal.valueOf(unscaled, scale));
        }

        void add(Currency currency, BigDecimal amount) {
            rest.merge(currency, amount, BigDecimal::add);
        }

        Map<Currency, BigDecimal> result() {
            Map<Currency, BigDecimal> all = new HashMap<>(rest);
            compact.forEach((c, s) -> all.merge(c, BigDecimal.valueOf(s[0], (int) s[1]), BigDecimal::add));
            return all;
        }
    }

    /**
     * The deals D and what the transitions T (and the history before them) say about each: a deal of D has a slot;
     * a transition is a committed row (a reference {@code >= 0}) or one of the transaction's own ({@code -1 - k}).
     */
    private final class Selection {

        final List<Deal> found;
        final int slots;
        final int stageCount;
        final byte[] kinds;
        private final StageId[] stageIds;
        private final Map<StageId, Integer> places = new HashMap<>();
        private final int words;
        final long[] entered;
        final long[] moved;
        final long[] lost;
        private final int[] maxOpen;
        final int[] wonRef;
        final int[] lostRef;
        private final boolean[] createdBefore;
        private final boolean[] createdIn;
        private final long[] startSeconds;
        private final int[] startNanos;
        private final TransitionLog.Columns columns;
        private final List<StageTransition> pending = new ArrayList<>();
        /** The deals in each stage now and their amounts, by the stage's place; made on first use. */
        private StageAmounts[] current;

        Selection(Pipeline pipeline, Filter<Deal> deals, Instant from, Instant to, Optional<StageId> start) {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            found = tx.deals.visibleMatching(Objects.requireNonNull(deals, "deals"));
            slots = found.size();
            List<Stage> all = pipeline.stages();
            stageCount = all.size();
            kinds = new byte[stageCount];
            stageIds = new StageId[stageCount];
            for (int i = 0; i < stageCount; i++) {
                places.put(all.get(i).id(), i);
                stageIds[i] = all.get(i).id();
                kinds[i] = switch (all.get(i).kind()) {
                    case OPEN -> OPEN;
                    case WON -> WON;
                    case LOST -> LOST;
                };
            }
            words = (stageCount + 63) >>> 6;
            entered = new long[slots * words];
            moved = new long[slots * words];
            lost = new long[slots * words];
            maxOpen = new int[slots];
            Arrays.fill(maxOpen, -1);
            wonRef = new int[slots];
            lostRef = new int[slots];
            Arrays.fill(wonRef, NONE);
            Arrays.fill(lostRef, NONE);
            createdBefore = new boolean[slots];
            createdIn = new boolean[slots];
            startSeconds = start == null ? null : new long[slots];
            startNanos = start == null ? null : new int[slots];
            if (startNanos != null) {
                Arrays.fill(startNanos, -1);
            }
            TransitionLog log = tx.storage.transitionLog;
            columns = log.of(pipeline.id());
            if (!from.isBefore(to)) {
                return;
            }
            int[] slotOfNumber = new int[log.deals()];
            Arrays.fill(slotOfNumber, -1);
            Map<DealId, Integer> slotOfDeal = new HashMap<>();
            for (int slot = 0; slot < slots; slot++) {
                DealId id = found.get(slot).id();
                slotOfDeal.put(id, slot);
                int number = log.number(id);
                if (number >= 0) {
                    slotOfNumber[number] = slot;
                }
            }
            Set<UUID> replaced = new HashSet<>();
            for (Map.Entry<StageTransitionId, StageTransition> w : tx.stageTransitions.writes.entrySet()) {
                if (tx.storage.stageTransitions.get(w.getKey()) != null) {
                    replaced.add(w.getKey().value());
                }
                StageTransition t = w.getValue();
                if (t != null && t.pipeline().equals(pipeline.id()) && slotOfDeal.containsKey(t.deal())) {
                    pending.add(t);
                }
            }
            if (columns != null) {
                scanCommitted(slotOfNumber, replaced, from, to, start);
            }
            for (int k = 0; k < pending.size(); k++) {
                StageTransition t = pending.get(k);
                int slot = slotOfDeal.get(t.deal());
                boolean creation = t.from().isEmpty() && t.fromPipeline().isEmpty();
                if (start != null && start.map(t.to()::equals).orElse(true)) {
                    long sec = t.at().getEpochSecond();
                    int nano = t.at().getNano();
                    if (startNanos[slot] < 0 || sec < startSeconds[slot]
                            || sec == startSeconds[slot] && nano < startNanos[slot]) {
                        startSeconds[slot] = sec;
                        startNanos[slot] = nano;
                    }
                }
                if (t.at().isBefore(from)) {
                    createdBefore[slot] |= creation;
                } else if (t.at().isBefore(to)) {
                    int fromPlace = t.fromPipeline().isEmpty() ? t.from().map(s -> places.getOrDefault(s, -1)).orElse(-1)
                            : -1;
                    inPeriod(slot, places.getOrDefault(t.to(), -1), fromPlace, creation, -1 - k, true);
                }
            }
        }

        private void scanCommitted(int[] slotOfNumber, Set<UUID> replaced, Instant from, Instant to,
                                   Optional<StageId> start) {
            TransitionLog.Columns c = columns;
            int[] placeOfCode = new int[c.stages.size()];
            for (int code = 0; code < placeOfCode.length; code++) {
                placeOfCode[code] = places.getOrDefault(c.stages.get(code), -1);
            }
            int startCode = -2;
            if (start != null) {
                startCode = start.isEmpty() ? -1 : c.stages.indexOf(start.get());
                if (start.isPresent() && startCode < 0) {
                    startCode = -2;
                }
            }
            int lo = c.lowerBound(from.getEpochSecond(), from.getNano());
            int hi = c.lowerBound(to.getEpochSecond(), to.getNano());
            boolean checkReplaced = !replaced.isEmpty();
            int[] deal = c.deal;
            short[] toCode = c.to;
            short[] fromCode = c.from;
            boolean[] fromPipeline = c.fromPipeline;
            for (int row = 0; row < hi; row++) {
                int number = deal[row];
                if (number < 0) {
                    continue;
                }
                int slot = slotOfNumber[number];
                if (slot < 0 || checkReplaced && replaced.contains(new UUID(c.idHigh[row], c.idLow[row]))) {
                    continue;
                }
                boolean creation = fromCode[row] < 0 && !fromPipeline[row];
                if (startCode != -2 && startNanos[slot] < 0 && (startCode == -1 || toCode[row] == startCode)) {
                    // The rows are in time order: the first one found is the earliest.
                    startSeconds[slot] = c.seconds[row];
                    startNanos[slot] = c.nanos[row];
                }
                if (row < lo) {
                    createdBefore[slot] |= creation;
                } else {
                    int fromPlace = fromPipeline[row] || fromCode[row] < 0 ? -1 : placeOfCode[fromCode[row]];
                    inPeriod(slot, placeOfCode[toCode[row]], fromPlace, creation, row, false);
                }
            }
        }

        /** One transition of T; committed ones come in order, so a later one always wins a tie of "last". */
        private void inPeriod(int slot, int toPlace, int fromPlace, boolean creation, int ref, boolean compare) {
            createdIn[slot] |= creation;
            byte toKind = toPlace < 0 ? -1 : kinds[toPlace];
            if (toPlace >= 0) {
                entered[slot * words + (toPlace >>> 6)] |= 1L << toPlace;
            }
            if (fromPlace >= 0 && kinds[fromPlace] == OPEN) {
                if (toKind == WON || toKind == OPEN && toPlace > fromPlace) {
                    moved[slot * words + (fromPlace >>> 6)] |= 1L << fromPlace;
                } else if (toKind == LOST) {
                    lost[slot * words + (fromPlace >>> 6)] |= 1L << fromPlace;
                }
            }
            if (toKind == OPEN) {
                maxOpen[slot] = Math.max(maxOpen[slot], toPlace);
            } else if (toKind == WON) {
                if (!compare || wonRef[slot] == NONE || compareRefs(ref, wonRef[slot]) > 0) {
                    wonRef[slot] = ref;
                }
            } else if (toKind == LOST) {
                if (!compare || lostRef[slot] == NONE || compareRefs(ref, lostRef[slot]) > 0) {
                    lostRef[slot] = ref;
                }
            }
        }

        private int compareRefs(int a, int b) {
            return compareKeys(seconds(a), nanos(a), id(a), seconds(b), nanos(b), id(b));
        }

        private int compareKeys(long sa, int na, UUID ia, long sb, int nb, UUID ib) {
            if (sa != sb) {
                return Long.compare(sa, sb);
            }
            if (na != nb) {
                return Integer.compare(na, nb);
            }
            return TransitionLog.compareIds(ia, ib);
        }

        private long seconds(int ref) {
            return ref >= 0 ? columns.seconds[ref] : pending.get(-1 - ref).at().getEpochSecond();
        }

        private int nanos(int ref) {
            return ref >= 0 ? columns.nanos[ref] : pending.get(-1 - ref).at().getNano();
        }

        private UUID id(int ref) {
            return ref >= 0 ? new UUID(columns.idHigh[ref], columns.idLow[ref]) : pending.get(-1 - ref).id().value();
        }

        void addBudget(Sums sums, int ref) {
            if (ref < 0) {
                pending.get(-1 - ref).budget().ifPresent(sums::add);
            } else if (columns.currency[ref] >= 0) {
                Currency currency = tx.storage.transitionLog.currency(columns.currency[ref]);
                if (columns.scale[ref] == TransitionLog.BIG) {
                    sums.add(currency, columns.amount(ref));
                } else {
                    sums.add(currency, columns.unscaled[ref], columns.scale[ref]);
                }
            }
        }

        boolean fresh(int slot) {
            return createdIn[slot] && !createdBefore[slot];
        }

        long countFresh() {
            long n = 0;
            for (int slot = 0; slot < slots; slot++) {
                n += fresh(slot) ? 1 : 0;
            }
            return n;
        }

        long countWhere(int[] refs) {
            long n = 0;
            for (int r : refs) {
                n += r != NONE ? 1 : 0;
            }
            return n;
        }

        long bits(long[] masks, int place) {
            long n = 0;
            int word = place >>> 6;
            long bit = 1L << place;
            for (int slot = 0; slot < slots; slot++) {
                n += (masks[slot * words + word] & bit) != 0 ? 1 : 0;
            }
            return n;
        }

        long reached(int place) {
            long n = 0;
            for (int slot = 0; slot < slots; slot++) {
                n += wonRef[slot] != NONE || maxOpen[slot] >= place ? 1 : 0;
            }
            return n;
        }

        StageAmounts now(int place) {
            if (current == null) {
                // One pass over the selected deals for every stage at once, not one a stage.
                long[] counts = new long[stageCount];
                Sums[] sums = new Sums[stageCount];
                for (int i = 0; i < stageCount; i++) {
                    sums[i] = new Sums();
                }
                for (Deal d : found) {
                    Integer at = places.get(d.stage());
                    if (at != null) {
                        counts[at]++;
                        d.budget().ifPresent(sums[at]::add);
                    }
                }
                current = new StageAmounts[stageCount];
                for (int i = 0; i < stageCount; i++) {
                    current[i] = new StageAmounts(stageIds[i], counts[i], sums[i].result());
                }
            }
            return current[place];
        }

        /** The cycles of the deals whose last transition of T into a kind is given. */
        Durations durations(int[] closes) {
            long[] nanos = new long[slots];
            int n = 0;
            List<BigDecimal> exact = null;
            for (int slot = 0; slot < slots; slot++) {
                int ref = closes[slot];
                if (ref == NONE || startNanos[slot] < 0) {
                    continue;
                }
                long cs = seconds(ref);
                int cn = nanos(ref);
                long ss = startSeconds[slot];
                int sn = startNanos[slot];
                if (ss > cs || ss == cs && sn > cn) {
                    continue;
                }
                try {
                    nanos[n] = Math.addExact(Math.multiplyExact(cs - ss, 1_000_000_000L), cn - sn);
                } catch (ArithmeticException e) {
                    // Centuries apart: from here on exact decimals instead.
                    if (exact == null) {
                        exact = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            exact.add(BigDecimal.valueOf(nanos[i], 9));
                        }
                    }
                }
                if (exact != null) {
                    exact.add(BigDecimal.valueOf(cs).add(BigDecimal.valueOf(cn, 9))
                            .subtract(BigDecimal.valueOf(ss).add(BigDecimal.valueOf(sn, 9))));
                }
                n++;
            }
            if (exact != null) {
                exact.sort(null);
                BigDecimal total = exact.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                return new Durations(n, total, Optional.of(n % 2 == 1 ? exact.get(n / 2)
                        : exact.get(n / 2 - 1).add(exact.get(n / 2)).divide(BigDecimal.valueOf(2))));
            }
            Arrays.sort(nanos, 0, n);
            long secs = 0;
            long rest = 0;
            for (int i = 0; i < n; i++) {
                secs += nanos[i] / 1_000_000_000L;
                rest += nanos[i] % 1_000_000_000L;
            }
            BigDecimal total = BigDecimal.valueOf(secs).add(BigDecimal.valueOf(rest, 9));
            Optional<BigDecimal> median = Optional.empty();
            if (n > 0) {
                median = Optional.of(n % 2 == 1 ? BigDecimal.valueOf(nanos[n / 2], 9)
                        : BigDecimal.valueOf(nanos[n / 2 - 1], 9).add(BigDecimal.valueOf(nanos[n / 2], 9))
                        .divide(BigDecimal.valueOf(2)));
            }
            return new Durations(n, total, median);
        }
    }
}
