package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The DatasetReport example on the bundled copy of the CRM Sales Opportunities data set (run once for the class),
 * and on small data sets written here. Every expected figure was computed from the CSV files themselves, not from
 * crmkit: the commands are in the comments, run in {@code shared/datasets/crm-sales-opportunities/} (or in
 * {@code examples/src/main/resources/dev/crmkit/examples/dataset/}, the same bytes).
 */
@DisplayName("The DatasetReport example")
class DatasetReportTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";

    @TempDir
    static Path out;

    /** Reads numbers as written: 61.90 stays 61.90. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    static String stdout;
    static JsonNode report;

    @BeforeAll
    static void runOnTheBundledCopy() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DatasetReport.Written written = DatasetReport.run(Optional.empty(), out.resolve("report"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        stdout = bytes.toString(StandardCharsets.UTF_8);
        assertThat(written.report()).isEqualTo(out.resolve("report").resolve("report.json"));
        report = JSON.readTree(written.report().toFile());
    }

    static JsonNode agent(JsonNode report, String name) {
        for (JsonNode a : report.get("agents")) {
            if (a.get("agent").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no agent " + name);
    }

    static JsonNode product(JsonNode report, String name) {
        for (JsonNode p : report.get("products")) {
            if (p.get("product").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no product " + name);
    }

    /** The fields of an agent that the summary gives, as text (numbers as written, so 61.90 keeps its zero). */
    static List<String> summaryFigures(JsonNode agent) {
        List<String> figures = new ArrayList<>();
        for (String field : List.of("won", "lost", "open", "winRatePercent", "wonSum")) {
            figures.add(agent.get(field).isNull() ? "null" : agent.get(field).decimalValue().toPlainString());
        }
        return figures;
    }

    @Test
    @Tag("AN-5")
    @DisplayName("AN-5: won, lost, open, win rate and won sum of three agents are those computed from the CSV")
    void agents() {
        // A=... python3 -c "import csv,os;r=[x for x in csv.DictReader(open('sales_pipeline.csv'))
        //   if x['sales_agent']==os.environ['A']];w=[x for x in r if x['deal_stage']=='Won'];
        //   l=sum(x['deal_stage']=='Lost' for x in r);print(len(w),l,sum(x['deal_stage'] in('Prospecting',
        //   'Engaging') for x in r),round(len(w)*100/(len(w)+l),4),sum(int(x['close_value']) for x in w))"
        // Darcel Schlecht: 349 204 194 63.1103 1153214; Anna Snelling: 208 128 112 61.9048 275056;
        // Moses Frase: 129 66 65 66.1538 207182 (win rates rounded half up to two decimals below).
        assertThat(summaryFigures(agent(report, "Darcel Schlecht")))
                .containsExactly("349", "204", "194", "63.11", "1153214");
        assertThat(summaryFigures(agent(report, "Anna Snelling")))
                .containsExactly("208", "128", "112", "61.90", "275056");
        assertThat(summaryFigures(agent(report, "Moses Frase")))
                .containsExactly("129", "66", "65", "66.15", "207182");
        assertThat(agent(report, "Anna Snelling").get("manager").asText()).isEqualTo("Dustin Brinkmann");
        // Carl Lin is in sales_teams.csv with no opportunity: grep -c ',Carl Lin,' sales_pipeline.csv → 0
        JsonNode carl = agent(report, "Carl Lin");
        assertThat(summaryFigures(carl)).containsExactly("0", "0", "0", "null", "0");
        assertThat(report.get("agents")).hasSize(35);
    }

    @Test
    @Tag("AN-4")
    @DisplayName("AN-4: the median days from engage_date to close_date of won deals, the even count's the mean of two")
    void medianCycle() {
        // A=... python3 -c "import csv,os,statistics as s,datetime as d;print(s.median((d.date.fromisoformat(
        //   x['close_date'])-d.date.fromisoformat(x['engage_date'])).days for x in csv.DictReader(
        //   open('sales_pipeline.csv')) if x['sales_agent']==os.environ['A'] and x['deal_stage']=='Won'))"
        // Darcel Schlecht 48 (349 won), Anna Snelling 59.5 (208 won: the middle two are 59 and 60),
        // Moses Frase 78 (129 won)
        assertThat(agent(report, "Darcel Schlecht").get("medianCycleDays").decimalValue())
                .isEqualByComparingTo("48");
        assertThat(agent(report, "Anna Snelling").get("medianCycleDays").decimalValue())
                .isEqualByComparingTo("59.5");
        assertThat(agent(report, "Moses Frase").get("medianCycleDays").decimalValue()).isEqualByComparingTo("78");
        assertThat(agent(report, "Carl Lin").get("medianCycleDays").isNull()).as("no won deal").isTrue();
    }

    @Test
    @Tag("AN-5")
    @DisplayName("AN-5: the won sum of two products, GTX Pro counting the rows spelled GTXPro")
    void products() {
        // awk -F, -v p='GTXPro' '$3==p && $5=="Won" {s+=$8; n++} END {print n, s}' sales_pipeline.csv → 729 3510578
        // awk -F, -v p='GTK 500' '$3==p && $5=="Won" {s+=$8; n++} END {print n, s}' sales_pipeline.csv → 15 400612
        // (no row spells it "GTX Pro": the same awk gives 0)
        assertThat(product(report, "GTX Pro").get("wonSum").decimalValue()).isEqualByComparingTo("3510578");
        assertThat(product(report, "GTX Pro").get("won").asLong()).isEqualTo(729);
        assertThat(product(report, "GTX Pro").get("deals").asLong()).as("grep -c ',GTXPro,'").isEqualTo(1480);
        assertThat(product(report, "GTK 500").get("wonSum").decimalValue()).isEqualByComparingTo("400612");
        assertThat(product(report, "GTK 500").get("won").asLong()).isEqualTo(15);
        BigDecimal all = BigDecimal.ZERO;
        for (JsonNode p : report.get("products")) {
            all = all.add(p.get("wonSum").decimalValue());
        }
        // awk -F, '$5=="Won" {s+=$8} END {print s}' sales_pipeline.csv → 10005534
        assertThat(all).as("every won deal has a product").isEqualByComparingTo("10005534");
    }

    @Test
    @Tag("AN-2")
    @DisplayName("AN-2: the deals per stage now, the won and lost in the period, and the managers' won sums")
    void stagesAndManagers() {
        // awk -F, 'NR>1 {c[$5]++} END {for (k in c) print k, c[k]}' sales_pipeline.csv
        // → Prospecting 500, Engaging 1589, Won 4238, Lost 2473
        Map<String, Long> stages = new TreeMap<>();
        report.get("stages").forEach(s -> stages.put(s.get("stage").asText(), s.get("deals").asLong()));
        assertThat(stages).containsExactlyInAnyOrderEntriesOf(Map.of("Prospecting", 500L, "Engaging", 1589L,
                "Won", 4238L, "Lost", 2473L));
        assertThat(report.get("stages").get(2).get("budget").decimalValue()).isEqualByComparingTo("10005534");
        assertThat(report.get("period").get("first").asText()).isEqualTo("2016-10-20");
        assertThat(report.get("period").get("last").asText()).isEqualTo("2017-12-31");
        // awk -F, 'NR==FNR {m[$1]=$2; next} $5=="Won" {s[m[$2]]+=$8} END {for (k in s) print k, s[k]}'
        //   sales_teams.csv sales_pipeline.csv → Melvin Marxen 2251930, Dustin Brinkmann 1094363, …
        Map<String, BigDecimal> managers = new TreeMap<>();
        report.get("managers").forEach(m -> managers.put(m.get("manager").asText(), m.get("wonSum").decimalValue()));
        assertThat(managers.get("Melvin Marxen")).isEqualByComparingTo("2251930");
        assertThat(managers.get("Dustin Brinkmann")).isEqualByComparingTo("1094363");
        assertThat(managers).hasSize(6);
    }

    @Test
    @DisplayName("reports every quirk of the data set row by row, counted as the files have them, and drops no row")
    void quirks() {
        // grep -c ',GTXPro,' sales_pipeline.csv → 1480; awk -F, 'NR>1 && $4==""' sales_pipeline.csv | wc -l → 1425;
        // awk -F, '$5=="Prospecting" && $6==""' sales_pipeline.csv | wc -l → 500;
        // grep -c ',technolgy,' accounts.csv → 12; grep -c ',Philipines,' accounts.csv → 1
        Map<String, Long> counts = new TreeMap<>();
        report.get("problemCounts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "sales_pipeline.csv product.spelling", 1480L,
                "sales_pipeline.csv account.missing", 1425L,
                "sales_pipeline.csv history.unknown", 500L,
                "accounts.csv sector.spelling", 12L,
                "accounts.csv office_location.spelling", 1L));
        assertThat(report.get("problems")).hasSize(1480 + 1425 + 500 + 12 + 1);
        // sed -n 3p sales_pipeline.csv → Z063OYW0,Darcel Schlecht,GTXPro,Isdom,Won,2016-10-25,2017-03-11,4514
        JsonNode gtx = null;
        for (JsonNode p : report.get("problems")) {
            if (p.get("file").asText().equals("sales_pipeline.csv") && p.get("row").asLong() == 3) {
                gtx = p;
            }
        }
        assertThat(gtx).isNotNull();
        assertThat(gtx.get("code").asText()).isEqualTo("product.spelling");
        assertThat(gtx.get("value").asText()).isEqualTo("GTXPro");
        assertThat(gtx.get("outcome").asText()).isEqualTo("CORRECTED");
        JsonNode loaded = report.get("loaded");
        assertThat(loaded.get("deals").get("rows").asLong()).isEqualTo(8800);
        assertThat(loaded.get("deals").get("stored").asLong()).isEqualTo(8800);
        assertThat(loaded.get("companies").get("stored").asLong()).isEqualTo(85);
        assertThat(loaded.get("users").get("agents").asLong()).isEqualTo(35);
        assertThat(loaded.get("users").get("managers").asLong()).isEqualTo(6);
        assertThat(stdout).contains("8800 of 8800 opportunities as deals").contains("1480  sales_pipeline.csv "
                + "product.spelling (corrected)").contains("win rate 63.15 %").contains("report.json");
    }

    @Test
    @Tag("AN-5")
    @DisplayName("the dashboard is well-formed XHTML with inline SVG, no script or external asset, showing the figures")
    void dashboard() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document page = builder.parse(out.resolve("report").resolve("dashboard.html").toFile());
        Element html = page.getDocumentElement();
        assertThat(html.getNamespaceURI()).isEqualTo(XHTML);
        assertThat(html.getLocalName()).isEqualTo("html");
        assertThat(page.getElementsByTagNameNS(XHTML, "title").item(0).getTextContent())
                .contains("2016-10-20 to 2017-12-31");
        assertThat(page.getElementsByTagNameNS(SVG, "svg").getLength()).as("funnel, managers, forecast").isEqualTo(3);
        assertThat(page.getElementsByTagNameNS("*", "script").getLength()).isZero();
        NodeList all = page.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            assertThat(e.getAttribute("src") + e.getAttribute("href")).as("no external asset").isEmpty();
        }
        List<String> svgTexts = texts(page, SVG, "text");
        // the managers' won sums (awk above): Melvin Marxen 2251930, Dustin Brinkmann 1094363
        assertThat(svgTexts).contains("Melvin Marxen", "2,251,930 USD", "Dustin Brinkmann", "1,094,363 USD");
        assertThat(svgTexts.indexOf("2,251,930 USD")).as("the largest won sum first")
                .isLessThan(svgTexts.indexOf("1,094,363 USD"));
        // the funnel: 8800 - 500 Prospecting rows without dates reached Prospecting and Engaging; won and lost as
        // the stage counts above
        assertThat(svgTexts).contains("8,300 reached", "4,238 won", "2,473 lost", "1,589 in it now");
        // the forecast: open deals at their product's list price, Engaging at 60 %:
        // awk -F, 'NR==FNR {p[$1]=$3; next} $5=="Engaging" {q=$3=="GTXPro"?"GTX Pro":$3; s+=p[q]} END {print s}'
        //   products.csv sales_pipeline.csv → 3892229; × 0.6 = 2335337.4
        assertThat(svgTexts).contains("3,892,229 USD", "2,335,337.4 USD weighted");
        List<String> cells = texts(page, XHTML, "td");
        assertThat(cells).contains("Darcel Schlecht", "1,153,214 USD", "63.11 %", "59.5");
    }

    private static List<String> texts(Document page, String namespace, String element) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = page.getElementsByTagNameNS(namespace, element);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    @DisplayName("a directory of its own: every wrong row reported with what was done, figures as computed by hand")
    void smallDirectory(@TempDir Path dir) throws IOException {
        write(dir, "accounts.csv", "account,sector,year_established,revenue,employees,office_location,subsidiary_of",
                "Acme,technolgy,1996,1100.04,2822,United States,",
                "Beta,medical,1999,251.41,495,Kenya,Acme");
        write(dir, "products.csv", "product,series,sales_price", "GTX Pro,GTX,4821", "MG Special,MG,55");
        write(dir, "sales_teams.csv", "sales_agent,manager,regional_office", "Ann Agent,Mia Manager,East",
                "Bob Agent,Mia Manager,East");
        write(dir, "sales_pipeline.csv",
                "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
                "A1,Ann Agent,GTXPro,Acme,Won,2017-01-02,2017-01-12,5000",          // 2: corrected, 10 days
                "A2,Ann Agent,MG Special,Beta,Lost,2017-01-03,2017-01-05,0",        // 3
                "A3,Zed Nobody,MG Special,Acme,Won,2017-01-01,2017-01-02,10",       // 4: refused
                "A4,Bob Agent,Widget,Acme,Won,2017-01-03,2017-01-04,10",            // 5: refused
                "A5,Bob Agent,MG Special,Nowhere Inc,Engaging,2017-01-04,,",        // 6: no company
                "A6,Bob Agent,MG Special,Acme,Won,2017-02-01,2017-01-01,50",        // 7: refused
                "A1,Bob Agent,MG Special,Acme,Engaging,2017-01-03,,",               // 8: refused
                "A7,Bob Agent,MG Special,Acme,Won,2017-01-05,,60",                  // 9: closed at the load
                "A8,Ann Agent,GTX Pro,Acme,Won,2017-01-06,2017-01-26,",             // 10: no budget, 20 days
                "A9,Bob Agent,MG Special,,Prospecting,,,",                          // 11
                "A10,Ann Agent,MG Special,Acme,Won,2017-01-07,2017-01-08,abc",      // 12: no budget, 1 day
                "");
        DatasetReport.run(Optional.of(dir), dir.resolve("out"), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        JsonNode small = JSON.readTree(dir.resolve("out").resolve("report.json").toFile());
        List<String> problems = new ArrayList<>();
        small.get("problems").forEach(p -> problems.add(p.get("file").asText() + ":" + p.get("row").asLong() + " "
                + p.get("code").asText() + " " + p.get("outcome").asText()));
        assertThat(problems).containsExactly(
                "accounts.csv:2 sector.spelling CORRECTED",
                "sales_pipeline.csv:2 product.spelling CORRECTED",
                "sales_pipeline.csv:4 sales_agent.unknown REFUSED",
                "sales_pipeline.csv:5 product.unknown REFUSED",
                "sales_pipeline.csv:6 account.unknown LOADED_WITHOUT",
                "sales_pipeline.csv:7 dates.reversed REFUSED",
                "sales_pipeline.csv:8 opportunity_id.duplicate REFUSED",
                "sales_pipeline.csv:9 close_date.missing LOADED_WITHOUT",
                "sales_pipeline.csv:10 close_value.missing LOADED_WITHOUT",
                "sales_pipeline.csv:11 account.missing LOADED_WITHOUT",
                "sales_pipeline.csv:11 history.unknown LOADED_WITHOUT",
                "sales_pipeline.csv:12 close_value.invalid LOADED_WITHOUT");
        assertThat(small.get("loaded").get("deals").get("stored").asLong()).isEqualTo(7);
        assertThat(small.get("period").get("first").asText()).isEqualTo("2017-01-02");
        assertThat(small.get("period").get("last").asText()).isEqualTo("2017-01-26");
        // Ann: A1, A8, A10 won, A2 lost; only A1 has a value; cycles 10, 20 and 1 days.
        assertThat(summaryFigures(agent(small, "Ann Agent"))).containsExactly("3", "1", "0", "75.00", "5000");
        assertThat(agent(small, "Ann Agent").get("medianCycleDays").decimalValue()).isEqualByComparingTo("10");
        // Bob: A7 has no close_date, so it closed at the load, after the period; A5 and A9 are open.
        assertThat(summaryFigures(agent(small, "Bob Agent"))).containsExactly("0", "0", "2", "null", "0");
        assertThat(product(small, "GTX Pro").get("wonSum").decimalValue()).isEqualByComparingTo("5000");
        assertThat(product(small, "MG Special").get("won").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("a directory without the data set's files is refused, naming each missing file")
    void missingFiles(@TempDir Path dir) throws IOException {
        write(dir, "products.csv", "product,series,sales_price", "GTX Pro,GTX,4821");
        assertThatThrownBy(() -> DatasetReport.run(Optional.of(dir), dir.resolve("out"), System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks accounts.csv, sales_teams.csv, sales_pipeline.csv");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    @DisplayName("the bundled copy is the data set's files, byte for byte")
    void bundledCopy() throws IOException {
        Path shared = Path.of("../../shared/datasets/crm-sales-opportunities");
        for (String file : DatasetSource.FILES) {
            try (InputStream in = DatasetReport.class.getResourceAsStream("dataset/" + file)) {
                assertThat(in).as(file).isNotNull();
                byte[] bundled = in.readAllBytes();
                if (Files.isDirectory(shared)) {
                    assertThat(bundled).as(file).isEqualTo(Files.readAllBytes(shared.resolve(file)));
                }
            }
        }
    }

    @Test
    @DisplayName("the README's Reports block is the example's code")
    void readmeShowsTheExample() throws IOException {
        String readme = QuickstartTest.readmeShows(Files.readString(
                Path.of("src/main/java/dev/crmkit/examples/DatasetReport.java")));
        assertThat(readme).contains("mvn -B -q -pl examples -am -DskipTests package exec:java -Dexample=DatasetReport");
    }

    private static void write(Path dir, String file, String... lines) throws IOException {
        Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
