package no.rusplan.bake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.rusplan.content.Problem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Draws an SVG bar chart above every AsciiDoc table with the role {@code chart}
 * ({@code [.chart]}), at build time and without scripts. The table stays beside the chart as
 * the accessible data; the chart is an image named by the table's title. Header cells are the
 * categories, each body row a series (its first cell names it when that cell is not a
 * number). Values are numbers as the plans write them: {@code 68,3 %}, {@code 41 %}.
 */
final class ChartRenderer {
    private static final int LABEL_WIDTH = 190;
    private static final int BAR_WIDTH = 380;
    private static final int BAR_HEIGHT = 18;
    private static final int GAP = 10;

    private record Series(String name, List<Double> values) {
    }

    private int charts;

    String render(String html, Path file, List<Problem> problems) {
        if (!html.contains("chart")) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element table : document.select("table.chart")) {
            Element svg = chart(table, file, problems);
            if (svg != null) {
                table.before(svg);
                changed = true;
            }
        }
        return changed ? document.body().html() : html;
    }

    private Element chart(Element table, Path file, List<Problem> problems) {
        List<String> categories = new ArrayList<>(table.select("thead th").eachText());
        List<Element> rows = table.select("tbody tr");
        if (categories.isEmpty() || rows.isEmpty()) {
            problems.add(new Problem(file, 0, "a [.chart] table needs a header row and at least one data row"));
            return null;
        }
        Element caption = table.selectFirst("caption");
        String title = caption == null ? "" : caption.text().replaceFirst("^Tabell \\d+\\.\\s*", "");
        boolean labelled = !isNumber(rows.get(0).child(0).text());
        if (labelled) {
            categories.remove(0);
        }
        List<Series> series = new ArrayList<>();
        boolean percentages = true;
        for (Element row : rows) {
            List<String> cells = row.select("td, th").eachText();
            String name = labelled ? cells.remove(0) : title;
            List<Double> values = new ArrayList<>();
            for (String cell : cells) {
                if (!isNumber(cell)) {
                    problems.add(new Problem(file, 0, "[.chart] table '" + title + "' has a cell that is not a number: '" + cell + "'"));
                    return null;
                }
                percentages &= cell.contains("%");
                values.add(number(cell));
            }
            if (values.size() != categories.size()) {
                problems.add(new Problem(file, 0, "[.chart] table '" + title + "' has a row of " + values.size()
                        + " values for " + categories.size() + " columns"));
                return null;
            }
            series.add(new Series(name, values));
        }
        double max = percentages ? 100 : series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue).max().orElse(1);
        return svg(title, categories, series, max, percentages ? " %" : "");
    }

    private Element svg(String title, List<String> categories, List<Series> series, double max, String unit) {
        charts++;
        String id = "chart-" + charts;
        int groupHeight = series.size() * BAR_HEIGHT + GAP;
        int legendHeight = series.size() > 1 ? series.size() * (BAR_HEIGHT + 4) + GAP : 0;
        int height = legendHeight + categories.size() * groupHeight + GAP;
        int width = LABEL_WIDTH + BAR_WIDTH + 70;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" aria-labelledby=\"").append(id).append("\">")
                .append("<title id=\"").append(id).append("\">").append(escape(title))
                .append("</title>");
        int y = GAP;
        if (series.size() > 1) {
            for (int s = 0; s < series.size(); s++) {
                svg.append("<rect class=\"series-").append(s).append("\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y)
                        .append("\" width=\"14\" height=\"14\"/><text x=\"").append(LABEL_WIDTH + 20).append("\" y=\"")
                        .append(y + 12).append("\">").append(escape(series.get(s).name())).append("</text>");
                y += BAR_HEIGHT + 4;
            }
            y += GAP;
        }
        for (int c = 0; c < categories.size(); c++) {
            svg.append("<text class=\"category\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"")
                    .append(y + series.size() * BAR_HEIGHT / 2 + 5).append("\" text-anchor=\"end\">")
                    .append(escape(categories.get(c))).append("</text>");
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values().get(c);
                int length = (int) Math.round(BAR_WIDTH * value / max);
                svg.append("<rect class=\"series-").append(s).append("\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y)
                        .append("\" width=\"").append(length).append("\" height=\"").append(BAR_HEIGHT - 3).append("\"/>")
                        .append("<text x=\"").append(LABEL_WIDTH + length + 6).append("\" y=\"").append(y + BAR_HEIGHT - 6)
                        .append("\">").append(format(value)).append(unit).append("</text>");
                y += BAR_HEIGHT;
            }
            y += GAP;
        }
        svg.append("</svg>");
        Element figure = new Element("figure").addClass("chart-figure");
        figure.append(svg.toString());
        return figure;
    }

    private static boolean isNumber(String cell) {
        return cell.strip().matches("[0-9]+([.,][0-9]+)?\\s*%?");
    }

    private static double number(String cell) {
        return Double.parseDouble(cell.replace("%", "").strip().replace(',', '.'));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.forLanguageTag("nb"), "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
