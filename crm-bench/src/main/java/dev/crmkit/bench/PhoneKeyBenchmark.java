package dev.crmkit.bench;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.phone.PhoneNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CON-4 match keys against libphonenumber, on the same numbers, one thread each; the score is the time for the
 * whole list. Peers: libphonenumber's parse alone (region RU), which is all that telling two numbers apart needs,
 * and its parse + E.164 format. Data ({@code data}): {@code realistic}, the numbers of {@link ContactData} (mobiles,
 * landlines of several lengths, the local seven digits alone, extensions, Kazakh, Belarusian, German and US
 * numbers), or {@code mobiles}, the first version's kinder list ({@link BenchData#phones}). Before measuring, every
 * fork checks that both sides tell the numbers apart alike: among the numbers libphonenumber accepts as valid, two
 * have the same crmkit key exactly when they have the same E.164 number, else the fork fails.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class PhoneKeyBenchmark {

    /** How many numbers. */
    @Param("10000")
    public int count;

    /** Which numbers: {@code realistic} or {@code mobiles}. */
    @Param("realistic")
    public String data = "realistic";

    List<String> numbers;
    final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    /** Numbers libphonenumber accepts as valid, and of them those whose keys tell them apart as E.164 does. */
    int valid;
    int agreeing;

    /** Generates the numbers (seed 42) and checks that both sides tell them apart alike. */
    @Setup
    public void setUp() {
        numbers = data.equals("mobiles") ? BenchData.phones(42, count) : BenchData.realisticPhones(42, count);
        Map<String, String> e164ByKey = new HashMap<>();
        Map<String, String> keyByE164 = new HashMap<>();
        int clashes = 0;
        valid = 0;
        for (String raw : numbers) {
            Phonenumber.PhoneNumber parsed;
            String key;
            try {
                parsed = util.parse(raw, "RU");
                key = PhoneNumber.parse(raw).matchKey();
            } catch (NumberParseException | ValidationException notANumber) {
                continue;
            }
            if (!util.isValidNumber(parsed)) {
                continue;
            }
            valid++;
            String e164 = util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
            String before = e164ByKey.putIfAbsent(key, e164);
            String beforeKey = keyByE164.putIfAbsent(e164, key);
            if (before != null && !before.equals(e164) || beforeKey != null && !beforeKey.equals(key)) {
                clashes++;
                System.out.println("  not told apart alike: " + raw + " → key " + key + ", " + e164);
            }
        }
        agreeing = valid - clashes;
        System.out.printf("  %d numbers, %d valid for libphonenumber, %d told apart alike%n", numbers.size(), valid,
                agreeing);
        if (clashes > 0) {
            throw new IllegalStateException(clashes + " numbers are told apart differently");
        }
    }

    /**
     * crmkit: parse and take the ten-digit match key.
     *
     * @param bh the sink
     */
    @Benchmark
    public void crmkitMatchKey(Blackhole bh) {
        for (String raw : numbers) {
            try {
                bh.consume(PhoneNumber.parse(raw).matchKey());
            } catch (ValidationException e) {
                bh.consume(e);
            }
        }
    }

    /**
     * The peer: libphonenumber's parse with region RU.
     *
     * @param bh the sink
     */
    @Benchmark
    public void libphonenumberParse(Blackhole bh) {
        for (String raw : numbers) {
            try {
                bh.consume(util.parse(raw, "RU"));
            } catch (NumberParseException e) {
                bh.consume(e);
            }
        }
    }

    /**
     * The peer: libphonenumber's parse with region RU, then format as E.164.
     *
     * @param bh the sink
     */
    @Benchmark
    public void libphonenumberParseFormat(Blackhole bh) {
        for (String raw : numbers) {
            try {
                bh.consume(util.format(util.parse(raw, "RU"), PhoneNumberUtil.PhoneNumberFormat.E164));
            } catch (NumberParseException e) {
                bh.consume(e);
            }
        }
    }
}
