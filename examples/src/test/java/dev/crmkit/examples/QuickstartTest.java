package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.deal.Deal;
import dev.crmkit.core.Crm;
import dev.crmkit.core.policy.Policies;
import dev.crmkit.inmemory.InMemoryStorage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Quickstart example")
class QuickstartTest {

    /** A clock that moves one minute every time it is read, so the story has distinct times. */
    static final class TickingClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-02T09:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.getAndUpdate(t -> t.plus(Duration.ofMinutes(1)));
        }
    }

    @Test
    @DisplayName("prints the timeline and event log of the won deal in order")
    void story() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deal chairs = Quickstart.run(Crm.builder().storage(InMemoryStorage.create()).policy(Policies.amoCrm()).clock(new TickingClock()).build(),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(chairs.closed()).isPresent();
        assertThat(chairs.lossReason()).isEmpty();
        List<String> timeline = Arrays.stream(out.split("\n\n")[0].split("\n")).skip(1).collect(Collectors.toList());
        assertThat(timeline).extracting(l -> l.substring(20)).containsExactly(
                "Boris Manager: created the deal",
                "Boris Manager: linked contact → Ivan Petrov",
                "Boris Manager: linked company → Horns and Hooves",
                "Boris Manager: inbound call from +7 901 776-34-34, talked 95 s",
                "Boris Manager: comment \"Agreed on 40 chairs, delivery on the 15th, payment in two parts\"",
                "Boris Manager: moved it from First contact to Negotiation",
                "Boris Manager: moved it from Negotiation to Invoice sent",
                "Boris Manager: moved it from Invoice sent to Won",
                "Boris Manager: closed it");
        assertThat(timeline).isSortedAccordingTo((a, b) -> a.substring(0, 19).compareTo(b.substring(0, 19)));
        String log = out.split("\n\n")[1];
        assertThat(log).startsWith("Event log of the deal \"Office chairs\":");
        assertThat(log).contains("Boris Manager  CREATED\n")
                .contains("LINKED contact: — → Ivan Petrov")
                .contains("STAGE_CHANGED stage: First contact → Negotiation")
                .contains("STAGE_CHANGED stage: Invoice sent → Won")
                .contains("CLOSED closed: — → 20");
    }

    @Test
    @DisplayName("runs on PostgreSQL with --postgres (an embedded server the example starts) and tells the same story")
    void onPostgres() throws Exception {
        java.io.PrintStream stdout = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Quickstart.main(new String[] {"--postgres"});
        } finally {
            System.setOut(stdout);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("On PostgreSQL, schema crmkit_quickstart_")
                .contains("Timeline of the deal \"Office chairs\":")
                .contains("moved it from Invoice sent to Won").contains("CLOSED closed: — → 20");
    }

    @Test
    @DisplayName("runs on the module path, which proves the module descriptors")
    void modulePath() throws IOException, InterruptedException {
        List<String> path = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            boolean testOnly = entry.contains("test-classes") || name.startsWith("junit-") || name.startsWith("assertj")
                    || name.startsWith("opentest4j") || name.startsWith("apiguardian") || name.startsWith("surefire")
                    || name.startsWith("common-") || entry.contains("crm-tck") || name.startsWith("archunit");
            if (!testOnly) {
                path.add(entry);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--module-path", String.join(File.pathSeparator, path),
                "--module", "dev.crmkit.examples/dev.crmkit.examples.Quickstart").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Timeline of the deal \"Office chairs\":").contains("CLOSED closed: — → 20");
    }

    @Test
    @DisplayName("the README's quickstart block is the example's code")
    void readmeInSync() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/crmkit/examples/Quickstart.java"));
        String readme = readmeShows(source);
        String main = source.substring(source.indexOf("Clock clock = Clock.systemUTC();"), source.indexOf("run(crm, System.out);"));
        String prelude = main.lines().map(String::strip).collect(Collectors.joining("\n        ")).strip()
                .replace("\n        Crm crm", "\nCrm crm");
        assertThat(readme).as("the README builds the CRM as the example's main does").contains(prelude);
    }

    /**
     * Checks that the README shows an example's block between {@code // README-START} and {@code // README-END},
     * as it is (dedented by the method's indentation).
     *
     * @return the README
     */
    static String readmeShows(String source) throws IOException {
        String block = source.substring(source.indexOf("// README-START") + "// README-START".length(),
                source.indexOf("        // README-END"));
        String readme = Files.readString(Path.of("../README.md"));
        for (String line : block.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList())) {
            assertThat(readme).as("README has: " + line).contains(line);
        }
        String dedented = block.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n")).strip();
        assertThat(readme).contains(dedented);
        return readme;
    }
}
