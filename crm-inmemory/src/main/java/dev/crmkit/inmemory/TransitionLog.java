package dev.crmkit.inmemory;

import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageTransition;
import dev.crmkit.api.deal.StageTransitionId;
import dev.crmkit.api.money.Budget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The committed stage-transition log in columns, for {@link MemoryAnalytics}: per pipeline, primitive arrays (the
 * time as epoch seconds and nanos, the id's two halves, a dense deal number, the stages entered and left as small
 * codes, a flag for a change of pipeline, the budget's currency code, unscaled amount and scale), kept sorted by
 * time and then id as PostgreSQL orders uuids (bytewise as text, which is the unsigned order of the two halves).
 * About 48 bytes a transition, plus the arrays' spare capacity (at most half again). Not thread-safe by itself: the
 * owning {@link InMemoryStorage} reads it under its read lock and changes it only while committing, under its write
 * lock, like a {@link Table}.
 */
final class TransitionLog {

    /** The scale that marks an amount kept in {@link Columns#big} (its unscaled value is the index there). */
    static final byte BIG = Byte.MIN_VALUE;

    private final Map<DealId, Integer> dealNumbers = new HashMap<>();
    private final Map<PipelineId, Columns> pipelines = new HashMap<>();
    private final Map<Currency, Integer> currencyCodes = new HashMap<>();
    private final List<Currency> currencies = new ArrayList<>();

    /** How many deals have a number. */
    int deals() {
        return dealNumbers.size();
    }

    /** A deal's number, or -1 when it has no transition. */
    int number(DealId deal) {
        Integer n = dealNumbers.get(deal);
        return n == null ? -1 : n;
    }

    /** A currency by its code. */
    Currency currency(int code) {
        return currencies.get(code);
    }

    /** A currency's code, or -1 when no transition has it. */
    int currencyCode(Currency currency) {
        Integer c = currencyCodes.get(currency);
        return c == null ? -1 : c;
    }

    /** A pipeline's columns, or null when it has no transition. */
    Columns of(PipelineId pipeline) {
        return pipelines.get(pipeline);
    }

    /**
     * Applies a committing transaction's writes to the transition table: a replaced or deleted transition (the
     * adapter's ports never do either, but the log follows the table) is marked dead, a new one added in order.
     *
     * @param writes the writes, a null value deleting
     * @param table the committed table before they apply
     */
    void apply(Map<StageTransitionId, StageTransition> writes, Table<StageTransitionId, StageTransition> table) {
        Map<PipelineId, List<StageTransition>> added = new HashMap<>();
        for (Map.Entry<StageTransitionId, StageTransition> w : writes.entrySet()) {
            StageTransition old = table.get(w.getKey());
            if (old != null) {
                pipelines.get(old.pipeline()).kill(old.id().value());
            }
            if (w.getValue() != null) {
                added.computeIfAbsent(w.getValue().pipeline(), p -> new ArrayList<>()).add(w.getValue());
            }
        }
        added.forEach((pipeline, list) -> {
            list.sort(ORDER);
            pipelines.computeIfAbsent(pipeline, p -> new Columns()).add(list, this);
        });
    }

    /** Transitions by time, then id as PostgreSQL orders uuids. */
    static final Comparator<StageTransition> ORDER = (a, b) -> {
        int c = a.at().compareTo(b.at());
        return c != 0 ? c : compareIds(a.id().value(), b.id().value());
    };

    /** Two uuids in the order of their text (the unsigned order of their halves). */
    static int compareIds(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private int dealNumber(DealId deal) {
        return dealNumbers.computeIfAbsent(deal, d -> dealNumbers.size());
    }

    private int currencyCodeOf(Currency currency) {
        return currencyCodes.computeIfAbsent(currency, c -> {
            currencies.add(c);
            return currencies.size() - 1;
        });
    }

    /** One pipeline's transitions, sorted; rows {@code [0, size)} are in use, a dead one has deal -1. */
    static final class Columns {

        int size;
        long[] seconds = new long[16];
        int[] nanos = new int[16];
        long[] idHigh = new long[16];
        long[] idLow = new long[16];
        int[] deal = new int[16];
        short[] to = new short[16];
        /** The stage left, -1 for none. */
        short[] from = new short[16];
        /** Whether the deal came from another pipeline. */
        boolean[] fromPipeline = new boolean[16];
        /** The budget's currency code, -1 for no budget. */
        short[] currency = new short[16];
        long[] unscaled = new long[16];
        byte[] scale = new byte[16];
        /** Amounts too large for a long, by index. */
        final List<BigDecimal> big = new ArrayList<>();
        /** The stages by code. */
        final List<StageId> stages = new ArrayList<>();
        private final Map<StageId, Short> stageCodes = new HashMap<>();

        /** The budget of a row, or null. */
        BigDecimal amount(int row) {
            return scale[row] == BIG ? big.get((int) unscaled[row]) : BigDecimal.valueOf(unscaled[row], scale[row]);
        }

        /** The first row at or after an instant given as seconds and nanos. */
        int lowerBound(long sec, int nano) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (seconds[mid] < sec || seconds[mid] == sec && nanos[mid] < nano) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private short code(StageId stage) {
            return stageCodes.computeIfAbsent(stage, s -> {
                if (stages.size() == Short.MAX_VALUE) {
                    throw new IllegalStateException("too many stages in one pipeline's log");
                }
                stages.add(s);
                return (short) (stages.size() - 1);
            });
        }

        private void kill(UUID id) {
            for (int i = 0; i < size; i++) {
                if (idHigh[i] == id.getMostSignificantBits() && idLow[i] == id.getLeastSignificantBits()) {
                    deal[i] = -1;
                }
            }
        }

        /** Adds sorted transitions: appended when they all follow the last row, merged in otherwise. */
        private void add(List<StageTransition> sorted, TransitionLog log) {
            int start = size;
            boolean inOrder = size == 0 || compareRow(size - 1, sorted.get(0)) <= 0;
            grow(size + sorted.size());
            for (StageTransition t : sorted) {
                set(size++, t, log);
            }
            if (!inOrder) {
                merge(start);
            }
        }

        private int compareRow(int row, StageTransition t) {
            int c = seconds[row] != t.at().getEpochSecond() ? Long.compare(seconds[row], t.at().getEpochSecond())
                    : Integer.compare(nanos[row], t.at().getNano());
            if (c != 0) {
                return c;
            }
            UUID id = t.id().value();
            c = Long.compareUnsigned(idHigh[row], id.getMostSignificantBits());
            return c != 0 ? c : Long.compareUnsigned(idLow[row], id.getLeastSignificantBits());
        }

        private int compareRows(int a, int b) {
            int c = seconds[a] != seconds[b] ? Long.compare(seconds[a], seconds[b]) : Integer.compare(nanos[a], nanos[b]);
            if (c != 0) {
                return c;
            }
            c = Long.compareUnsigned(idHigh[a], idHigh[b]);
            return c != 0 ? c : Long.compareUnsigned(idLow[a], idLow[b]);
        }

        private void set(int row, StageTransition t, TransitionLog log) {
            seconds[row] = t.at().getEpochSecond();
            nanos[row] = t.at().getNano();
            idHigh[row] = t.id().value().getMostSignificantBits();
            idLow[row] = t.id().value().getLeastSignificantBits();
            deal[row] = log.dealNumber(t.deal());
            to[row] = code(t.to());
            from[row] = t.from().map(this::code).orElse((short) -1);
            fromPipeline[row] = t.fromPipeline().isPresent();
            if (t.budget().isPresent()) {
                Budget b = t.budget().get();
                currency[row] = (short) log.currencyCodeOf(b.amount().currency());
                BigDecimal amount = b.amount().amount();
                if (amount.unscaledValue().bitLength() < 64 && amount.scale() > BIG && amount.scale() <= Byte.MAX_VALUE) {
                    unscaled[row] = amount.unscaledValue().longValueExact();
                    scale[row] = (byte) amount.scale();
                } else {
                    big.add(amount);
                    unscaled[row] = big.size() - 1;
                    scale[row] = BIG;
                }
            } else {
                currency[row] = -1;
                unscaled[row] = 0;
                scale[row] = 0;
            }
        }

        private void grow(int needed) {
            if (needed <= seconds.length) {
                return;
            }
            int capacity = Math.max(needed, seconds.length + (seconds.length >> 1));
            seconds = Arrays.copyOf(seconds, capacity);
            nanos = Arrays.copyOf(nanos, capacity);
            idHigh = Arrays.copyOf(idHigh, capacity);
            idLow = Arrays.copyOf(idLow, capacity);
            deal = Arrays.copyOf(deal, capacity);
            to = Arrays.copyOf(to, capacity);
            from = Arrays.copyOf(from, capacity);
            fromPipeline = Arrays.copyOf(fromPipeline, capacity);
            currency = Arrays.copyOf(currency, capacity);
            unscaled = Arrays.copyOf(unscaled, capacity);
            scale = Arrays.copyOf(scale, capacity);
        }

        /** Merges the sorted runs {@code [0, mid)} and {@code [mid, size)}: one pass, then every column permuted. */
        private void merge(int mid) {
            int[] order = new int[size];
            int a = 0;
            int b = mid;
            for (int i = 0; i < size; i++) {
                order[i] = b >= size || a < mid && compareRows(a, b) <= 0 ? a++ : b++;
            }
            long[] s2 = new long[seconds.length];
            int[] n2 = new int[seconds.length];
            long[] h2 = new long[seconds.length];
            long[] l2 = new long[seconds.length];
            int[] d2 = new int[seconds.length];
            short[] t2 = new short[seconds.length];
            short[] f2 = new short[seconds.length];
            boolean[] p2 = new boolean[seconds.length];
            short[] c2 = new short[seconds.length];
            long[] u2 = new long[seconds.length];
            byte[] k2 = new byte[seconds.length];
            for (int i = 0; i < size; i++) {
                int r = order[i];
                s2[i] = seconds[r];
                n2[i] = nanos[r];
                h2[i] = idHigh[r];
                l2[i] = idLow[r];
                d2[i] = deal[r];
                t2[i] = to[r];
                f2[i] = from[r];
                p2[i] = fromPipeline[r];
                c2[i] = currency[r];
                u2[i] = unscaled[r];
                k2[i] = scale[r];
            }
            seconds = s2;
            nanos = n2;
            idHigh = h2;
            idLow = l2;
            deal = d2;
            to = t2;
            from = f2;
            fromPipeline = p2;
            currency = c2;
            unscaled = u2;
            scale = k2;
        }
    }
}
