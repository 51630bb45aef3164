package no.rusplan.bake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import no.rusplan.model.Glossary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Marks the first use of each glossary abbreviation in a page body as
 * {@code <abbr title="expansion">}, so readers learn what "ARP" or "TSB" means where it first
 * appears (WCAG 3.1.4). Text in links, code, headings and existing {@code abbr} elements is
 * left alone.
 */
final class AbbreviationMarker {
    private static final Set<String> SKIPPED = Set.of("a", "abbr", "code", "pre", "script", "style",
            "h1", "h2", "h3", "h4", "h5", "h6");

    private final Glossary glossary;

    AbbreviationMarker(Glossary glossary) {
        this.glossary = glossary;
    }

    String mark(String html) {
        if (glossary.expansions().isEmpty()) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode text && !insideSkipped(text)) {
                texts.add(text);
            }
        }, document.body());
        Set<String> seen = new HashSet<>();
        for (TextNode text : texts) {
            markFirstUses(text, seen);
        }
        return document.body().html();
    }

    private void markFirstUses(TextNode text, Set<String> seen) {
        TextNode rest = text;
        Optional<Matcher> found = glossary.matcher(rest.getWholeText());
        while (found.isPresent() && found.get().find()) {
            Matcher m = found.get();
            String abbreviation = m.group(1);
            if (!seen.add(abbreviation)) {
                continue;
            }
            String whole = rest.getWholeText();
            if (m.start() > 0) {
                rest.before(new TextNode(whole.substring(0, m.start())));
            }
            rest.before(new Element("abbr").attr("title", glossary.expansion(abbreviation)).text(abbreviation));
            rest.text(whole.substring(m.end()));
            found = glossary.matcher(rest.getWholeText());
        }
    }

    private static boolean insideSkipped(Node node) {
        for (Node parent = node.parentNode(); parent != null; parent = parent.parentNode()) {
            if (parent instanceof Element element && SKIPPED.contains(element.normalName())) {
                return true;
            }
        }
        return false;
    }
}
