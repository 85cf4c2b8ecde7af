package dev.crmkit.bench;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.crmkit.api.phone.PhoneNumber;
import java.util.List;
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
 * CON-4 match keys against libphonenumber's parse + E.164 format, on the same numbers in mixed formats,
 * one thread each. The score is the time for the whole list.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class PhoneKeyBenchmark {

    /** How many numbers. */
    @Param("10000")
    public int count;

    List<String> numbers;
    final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    /** Generates the numbers (seed 42). */
    @Setup
    public void setUp() {
        numbers = BenchData.phones(42, count);
    }

    /**
     * crmkit: parse and take the ten-digit match key.
     *
     * @param bh the sink
     */
    @Benchmark
    public void crmkitMatchKey(Blackhole bh) {
        for (String raw : numbers) {
            bh.consume(PhoneNumber.parse(raw).matchKey());
        }
    }

    /**
     * The peer: libphonenumber parse with region RU, then format as E.164.
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
