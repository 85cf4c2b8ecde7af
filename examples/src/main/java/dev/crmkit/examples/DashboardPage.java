package dev.crmkit.examples;

import dev.crmkit.api.deal.StageKind;
import dev.crmkit.core.analytics.Figure;
import dev.crmkit.core.analytics.Forecast;
import dev.crmkit.core.analytics.FunnelReport;
import dev.crmkit.core.analytics.Sum;
import dev.crmkit.examples.DatasetLoader.Dataset;
import dev.crmkit.examples.DatasetReport.AgentRow;
import dev.crmkit.examples.DatasetReport.Figures;
import dev.crmkit.examples.DatasetReport.ManagerRow;
import dev.crmkit.examples.DatasetReport.ProductRow;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the dashboard: one self-contained XHTML file (inline CSS and SVG, no scripts, no external assets) with
 * the key figures, the funnel, the won sum per manager, the forecast, and tables of agents, products, stages and
 * row problems. Written with a StAX writer, so it is well-formed XML whatever the data's text holds; it avoids
 * empty non-void HTML elements so that browsers, which read a {@code .html} file as HTML, see the same tree.
 */
final class DashboardPage {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final int WIDTH = 960;
    private static final String OPEN_COLOUR = "#4e79a7";
    private static final String WEIGHTED_COLOUR = "#2b4a6f";
    private static final String WON_COLOUR = "#59a14f";
    private static final String LOST_COLOUR = "#e15759";
    private static final String CSS = String.join("\n",
            "body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #222;"
                    + " background: #f4f5f7; margin: 0; }",
            "main { max-width: 1000px; margin: 0 auto; padding: 24px; }",
            "h1 { font-size: 26px; margin: 0 0 4px; }",
            "h2 { font-size: 19px; margin: 0 0 4px; }",
            "p.period, p.note { color: #555; margin: 4px 0 12px; }",
            "section { background: #fff; border-radius: 8px; padding: 16px 20px; margin: 16px 0;"
                    + " box-shadow: 0 1px 3px rgba(0,0,0,0.12); }",
            "div.cards { display: flex; flex-wrap: wrap; gap: 12px; }",
            "div.card { background: #fff; border-radius: 8px; padding: 12px 16px; flex: 1 1 150px;"
                    + " box-shadow: 0 1px 3px rgba(0,0,0,0.12); }",
            "div.card span.value { display: block; font-size: 24px; font-weight: 600; }",
            "div.card span.label { color: #555; font-size: 13px; }",
            "svg { width: 100%; height: auto; }",
            "svg text { font-size: 13px; fill: #222; }",
            "svg text.name { font-weight: 600; }",
            "svg text.small { font-size: 11px; fill: #555; }",
            "table { border-collapse: collapse; width: 100%; font-size: 13px; }",
            "th, td { padding: 4px 8px; border-bottom: 1px solid #e3e3e3; text-align: left; }",
            "td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }",
            "tr:nth-child(even) td { background: #fafafa; }",
            "footer { color: #777; font-size: 12px; margin: 16px 0; }");

    private final XMLStreamWriter w;

    private DashboardPage(XMLStreamWriter w) {
        this.w = w;
    }

    /**
     * Writes the dashboard of a report's figures.
     *
     * @param f the figures
     * @param file the file, replaced if it exists
     * @throws IOException when it cannot be written
     */
    static void write(Figures f, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new DashboardPage(w).page(f);
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file, e);
        }
    }

    private void page(Figures f) throws XMLStreamException {
        Dataset ds = f.dataset();
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeDTD("<!DOCTYPE html>");
        w.writeCharacters("\n");
        w.writeStartElement("html");
        w.writeDefaultNamespace(XHTML);
        w.writeAttribute("lang", "en");
        start("head");
        w.writeEmptyElement("meta");
        w.writeAttribute("charset", "UTF-8");
        text("title", "Sales dashboard: CRM Sales Opportunities, " + period(f));
        text("style", "\n" + CSS + "\n");
        end();
        start("body");
        start("main");
        text("h1", "Sales dashboard: CRM Sales Opportunities");
        text("p", "Period " + period(f) + " (UTC) · amounts in " + DatasetLoader.USD.getCurrencyCode()
                + " · " + count(ds.counts().deals()) + " deals of " + count(ds.agents().size()) + " agents · made by"
                + " crmkit's DatasetReport example from the library's reports", "class", "period");
        cards(f);
        funnel(f.funnel());
        managers(f.managers());
        forecast(f.forecast());
        agents(f.agents());
        products(f.products(), f.funnel());
        problems(ds);
        text("footer", "Data: the public CRM Sales Opportunities data set (Maven Analytics Data Playground), loaded"
                + " into crmkit's in-memory storage through its public API; figures from AnalyticsService: summary"
                + " (AN-5), cycle (AN-4), dashboard (AN-14) with the funnel (AN-2) and forecast (AN-3).");
        end();
        end();
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndDocument();
    }

    // ---- sections ----

    private void cards(Figures f) throws XMLStreamException {
        Dataset ds = f.dataset();
        long lost = f.funnel().stage(ds.pipeline().lostStage().id()).reached();
        start("div", "class", "cards");
        card(count(ds.counts().deals()), "deals loaded of " + count(ds.counts().opportunityRows()) + " rows");
        card(money(f.funnel().wonSum()), count(f.funnel().won()) + " deals won");
        card(percent(DatasetReport.winRatePercent(f.funnel().won(), lost)), "win rate (won of won and lost)");
        card(days(f.cycle().toWon().medianDays()), "median days from Engaging to Won");
        card(count(ds.problems().size()), "row problems reported");
        end();
    }

    private void card(String value, String label) throws XMLStreamException {
        start("div", "class", "card");
        text("span", value, "class", "value");
        text("span", label, "class", "label");
        end();
    }

    private void funnel(FunnelReport funnel) throws XMLStreamException {
        start("section");
        text("h2", "Funnel");
        text("p", "Deals that reached each stage in the period (a deal that went further passed through it), and"
                + " how many of them went on to the next open stage, or to Won after the last; overall "
                + percent(funnel.conversionPercent()) + " of the deals that reached Prospecting were won.", "class",
                "note");
        int row = 56;
        int height = funnel.stages().size() * row + 10;
        long max = funnel.stages().stream().mapToLong(FunnelReport.StageRow::reached).max().orElse(1);
        svg(height, "The funnel: deals that reached each stage");
        int y = 10;
        for (FunnelReport.StageRow s : funnel.stages()) {
            double width = Math.max(2, 520.0 * s.reached() / Math.max(max, 1));
            String colour = s.stage().kind() == StageKind.OPEN ? OPEN_COLOUR
                    : s.stage().kind() == StageKind.WON ? WON_COLOUR : LOST_COLOUR;
            rect(460 - width / 2, y, width, 38, colour);
            svgText(190, y + 17, "end", s.stage().name(), "name");
            svgText(190, y + 33, "end", count(s.nowCount()) + " in it now", "small");
            svgText(735, y + 17, "start", count(s.reached()) + (s.stage().kind() == StageKind.OPEN ? " reached"
                    : s.stage().kind() == StageKind.WON ? " won" : " lost"), null);
            if (s.stage().kind() == StageKind.OPEN) {
                svgText(735, y + 33, "start", percent(s.conversionPercent()) + " went on", "small");
            }
            y += row;
        }
        end();
        end();
    }

    private void managers(List<ManagerRow> rows) throws XMLStreamException {
        start("section");
        text("h2", "Won sum per manager");
        text("p", "The won deals' budgets (close_value) of each manager's agents, from the summary report"
                + " filtered by the agents of sales_teams.csv (crmkit's users have no manager).", "class", "note");
        List<ManagerRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((ManagerRow m) -> m.wonSum().amount()).reversed()
                .thenComparing(ManagerRow::name));
        BigDecimal max = sorted.stream().map(m -> m.wonSum().amount()).max(Comparator.naturalOrder())
                .filter(m -> m.signum() > 0).orElse(BigDecimal.ONE);
        int row = 44;
        svg(sorted.size() * row + 10, "Won sum per manager");
        int y = 10;
        for (ManagerRow m : sorted) {
            double width = Math.max(2, 560 * m.wonSum().amount().divide(max, MathContext.DECIMAL64).doubleValue());
            rect(200, y, width, 30, WON_COLOUR);
            svgText(190, y + 14, "end", m.name(), "name");
            svgText(190, y + 29, "end", m.agents().size() + " agents · " + count(m.won()) + " won", "small");
            svgText(200 + width + 8, y + 20, "start", money(m.wonSum()), null);
            y += row;
        }
        end();
        end();
    }

    private void forecast(Forecast f) throws XMLStreamException {
        start("section");
        text("h2", "Forecast");
        text("p", count(f.open()) + " open deals, " + money(f.openSum()) + " at their product's list price, "
                + money(f.weighted()) + " weighted by their stage's probability. " + (f.expected() == 0
                ? "The data set gives no expected close dates, so none is expected to close in the period."
                : count(f.expected()) + " are expected to close in the period: " + money(f.expectedSum()) + "."),
                "class", "note");
        BigDecimal max = f.stages().stream().map(s -> s.openSum().amount()).max(Comparator.naturalOrder())
                .filter(m -> m.signum() > 0).orElse(BigDecimal.ONE);
        int row = 60;
        svg(f.stages().size() * row + 30, "Forecast: open and weighted budgets per stage");
        int y = 10;
        for (Forecast.StageRow s : f.stages()) {
            double open = Math.max(2, 520 * s.openSum().amount().divide(max, MathContext.DECIMAL64).doubleValue());
            double weighted = Math.max(2, 520 * s.weighted().amount().divide(max, MathContext.DECIMAL64)
                    .doubleValue());
            rect(200, y, open, 40, "#a0cbe8");
            rect(200, y + 10, weighted, 20, WEIGHTED_COLOUR);
            svgText(190, y + 18, "end", s.stage().name(), "name");
            svgText(190, y + 34, "end", count(s.open()) + " open · " + s.stage().probability() + " probability",
                    "small");
            svgText(200 + open + 8, y + 18, "start", money(s.openSum()), null);
            svgText(200 + open + 8, y + 34, "start", money(s.weighted()) + " weighted", "small");
            y += row;
        }
        rect(200, y + 4, 14, 14, "#a0cbe8");
        svgText(220, y + 16, "start", "at list price", "small");
        rect(320, y + 4, 14, 14, WEIGHTED_COLOUR);
        svgText(340, y + 16, "start", "weighted by probability", "small");
        end();
        end();
    }

    private void agents(List<AgentRow> rows) throws XMLStreamException {
        start("section");
        text("h2", "Agents");
        text("p", "Won, lost and won sum from the summary report, the median days from Engaging to Won from the"
                + " cycle report, each filtered by the agent as the deals' responsible user.", "class", "note");
        start("table");
        header("Agent", "Manager", "Office", "#Won", "#Lost", "#Open", "#Win rate", "#Won sum", "#Median days");
        for (AgentRow a : rows) {
            start("tr");
            cell(a.agent().name(), false);
            cell(a.agent().manager(), false);
            cell(a.agent().office(), false);
            cell(count(a.won()), true);
            cell(count(a.lost()), true);
            cell(count(a.open()), true);
            cell(percent(a.winRatePercent()), true);
            cell(money(a.wonSum()), true);
            cell(days(a.medianCycleDays()), true);
            end();
        }
        end();
        end();
    }

    private void products(List<ProductRow> rows, FunnelReport funnel) throws XMLStreamException {
        start("section");
        text("h2", "Products and stages");
        start("table");
        header("Product", "Series", "#List price", "#Deals", "#Won", "#Won sum");
        for (ProductRow p : rows) {
            start("tr");
            cell(p.product().name(), false);
            cell(p.product().series(), false);
            cell(money(new Sum(DatasetLoader.USD, p.product().price())), true);
            cell(count(p.deals()), true);
            cell(count(p.won()), true);
            cell(money(p.wonSum()), true);
            end();
        }
        end();
        text("p", "Deals in each stage now, with their budgets (won: close_value; open and lost: the product's"
                + " list price).", "class", "note");
        start("table");
        header("Stage", "#Deals", "#Budget");
        for (FunnelReport.StageRow s : funnel.stages()) {
            start("tr");
            cell(s.stage().name(), false);
            cell(count(s.nowCount()), true);
            cell(money(s.nowSum()), true);
            end();
        }
        end();
        end();
    }

    private void problems(Dataset ds) throws XMLStreamException {
        start("section");
        text("h2", "Row problems");
        text("p", "Rows the data set gets wrong, counted by file and code; report.json lists every row.", "class",
                "note");
        Map<List<String>, List<DatasetProblem>> byCode = new TreeMap<>(Comparator
                .comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        byCode.putAll(ds.problems().stream().collect(Collectors.groupingBy(p -> List.of(p.file(), p.code()))));
        start("table");
        header("File", "Code", "#Rows", "Outcome", "First row and what was done");
        for (Map.Entry<List<String>, List<DatasetProblem>> e : byCode.entrySet()) {
            DatasetProblem first = e.getValue().get(0);
            start("tr");
            cell(first.file(), false);
            cell(first.code(), false);
            cell(count(e.getValue().size()), true);
            cell(first.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '), false);
            cell("row " + first.row() + (first.value().isEmpty() ? "" : " (" + first.value() + ")") + ": "
                    + first.detail(), false);
            end();
        }
        end();
        end();
    }

    // ---- XHTML and SVG ----

    private void start(String name, String... attributes) throws XMLStreamException {
        w.writeStartElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            w.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }

    private void end() throws XMLStreamException {
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    private void text(String name, String text, String... attributes) throws XMLStreamException {
        start(name, attributes);
        w.writeCharacters(text);
        end();
    }

    private void header(String... columns) throws XMLStreamException {
        start("tr");
        for (String c : columns) {
            boolean number = c.startsWith("#");
            text("th", number ? c.substring(1) : c, number ? new String[] {"class", "n"} : new String[0]);
        }
        end();
    }

    private void cell(String text, boolean number) throws XMLStreamException {
        text("td", text, number ? new String[] {"class", "n"} : new String[0]);
    }

    private void svg(int height, String title) throws XMLStreamException {
        w.writeStartElement("svg");
        w.writeDefaultNamespace(SVG);
        w.writeAttribute("viewBox", "0 0 " + WIDTH + " " + height);
        w.writeAttribute("role", "img");
        w.writeAttribute("aria-label", title);
        w.writeCharacters("\n");
        text("title", title);
    }

    private void rect(double x, double y, double width, double height, String fill) throws XMLStreamException {
        w.writeEmptyElement("rect");
        w.writeAttribute("x", coordinate(x));
        w.writeAttribute("y", coordinate(y));
        w.writeAttribute("width", coordinate(width));
        w.writeAttribute("height", coordinate(height));
        w.writeAttribute("rx", "3");
        w.writeAttribute("fill", fill);
        w.writeCharacters("\n");
    }

    private void svgText(double x, double y, String anchor, String text, String cssClass) throws XMLStreamException {
        List<String> attributes = new ArrayList<>(List.of("x", coordinate(x), "y", coordinate(y), "text-anchor",
                anchor));
        if (cssClass != null) {
            attributes.addAll(List.of("class", cssClass));
        }
        text("text", text, attributes.toArray(String[]::new));
    }

    // ---- numbers ----

    private static String coordinate(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String period(Figures f) {
        return f.period().firstDay() + " to " + f.period().lastDay();
    }

    /** An amount as the dashboard shows it: grouped thousands, at most two decimals, and the currency. */
    static String money(Sum sum) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(sum.amount()) + " " + sum.currency().getCurrencyCode();
    }

    private static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    private static String percent(Figure f) {
        return f.shown(DatasetReport.PERCENT).map(v -> v.toPlainString() + " %").orElse("—");
    }

    private static String days(Figure f) {
        return f.value(MathContext.DECIMAL128).map(BigDecimal::toPlainString).orElse("—");
    }
}
