package no.rusplan.bake;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Wraps every table of a page body in a scrollable region, so a wide table (plans have many
 * columns) scrolls by itself instead of making the whole page scroll sideways on a phone. The
 * region can be reached and scrolled with the keyboard and is named by the table's caption.
 */
final class TableScroller {

    String wrap(String html) {
        if (!html.contains("<table")) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        for (Element table : document.select("table")) {
            if (table.parent() != null && table.parent().hasClass("table-scroll")) {
                continue;
            }
            Element caption = table.selectFirst("caption");
            Element region = new Element("div").addClass("table-scroll").attr("tabindex", "0").attr("role", "region")
                    .attr("aria-label", caption != null ? caption.text() : table.select("th").eachText().stream()
                            .limit(3).reduce((a, b) -> a + ", " + b).orElse("Tabell"));
            table.wrap(region.outerHtml());
        }
        return document.body().html();
    }
}
