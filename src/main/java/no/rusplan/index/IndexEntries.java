package no.rusplan.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.rusplan.model.Chapter;
import no.rusplan.model.Coded;
import no.rusplan.model.ContentType;
import no.rusplan.model.Item;
import no.rusplan.model.Location;
import no.rusplan.model.Measure;
import no.rusplan.model.MeasureOverview;
import no.rusplan.model.Municipality;
import no.rusplan.model.Page;
import no.rusplan.model.Plan;
import no.rusplan.model.Program;
import no.rusplan.model.Service;
import no.rusplan.model.SiteModel;
import no.rusplan.model.Term;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Reads the baked pages of a site's items into {@link IndexEntry index entries}: a full build
 * and a watch rebuild hand over pages the link check already parsed ({@link #entry(Item, Document)}).
 */
public final class IndexEntries {
    // queries parsed once: jsoup parses a query string on every select, thousands of times a build
    private static final Evaluator MAIN = QueryParser.parse("main");
    private static final Evaluator NOT_INDEXED = QueryParser.parse("nav, .no-index, .emergency, script, style");
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Evaluator HEADINGS = QueryParser.parse("h2, h3, h4, caption, dt");
    private final SiteModel site;
    private final Path siteDir;

    public IndexEntries(SiteModel site, Path siteDir) {
        this.site = site;
        this.siteDir = siteDir;
    }

    /** The baked page of {@code item}. */
    public Path pageOf(Item item) {
        return siteDir.resolve(item.location().url().substring(1)).resolve("index.html");
    }

    /**
     * The entry of {@code item} from its baked page, already parsed ({@code html}; navigation
     * and other parts that are not indexed are removed from it).
     */
    public IndexEntry entry(Item item, Document html) {
        if (item instanceof Municipality m) {
            return entry(html, ContentType.MUNICIPALITY, m.id(), m.location(), List.of(m.id()), List.of(), "");
        } else if (item instanceof Plan p) {
            return entry(html, ContentType.PLAN, p.id(), p.location(), p.municipalities(), List.of(), p.id());
        } else if (item instanceof Chapter c) {
            return entry(html, ContentType.CHAPTER, c.id(), c.location(), site.plan(c.planId()).municipalities(),
                    List.of(), c.planId());
        } else if (item instanceof Measure m) {
            return entry(html, ContentType.MEASURE, m.id(), m.location(), site.plan(m.planId()).municipalities(),
                    List.of(), m.planId());
        } else if (item instanceof MeasureOverview o) {
            return entry(html, ContentType.MEASURES, o.id(), o.location(), site.plan(o.planId()).municipalities(),
                    List.of(), o.planId());
        } else if (item instanceof Service s) {
            return entry(html, ContentType.SERVICE, s.id(), s.location(), s.municipalities(),
                    s.audiences().stream().map(Coded::code).toList(), "");
        } else if (item instanceof Program p) {
            return entry(html, ContentType.PROGRAM, p.id(), p.location(),
                    site.municipalitiesUsing(p).stream().map(Municipality::id).toList(), List.of(), "");
        } else if (item instanceof Term t) {
            return entry(html, ContentType.TERM, t.id(), t.location(), List.of(), List.of(), "");
        } else if (item instanceof Page p) {
            return entry(html, p.listing() == null ? ContentType.PAGE : ContentType.DIRECTORY, p.id(), p.location(),
                    List.of(), List.of(), "");
        }
        throw new IllegalArgumentException("Not an indexable item: " + item);
    }

    private IndexEntry entry(Document html, ContentType type, String id, Location location, List<String> municipalities,
                             List<String> audiences, String planId) {
        Element main = html.selectFirst(MAIN);
        if (main == null) {
            throw new IllegalStateException(location.url() + " has no <main> element to index");
        }
        main.select(NOT_INDEXED).remove();
        Element h1 = main.selectFirst(H1);
        String title = h1 != null ? h1.text() : html.title();
        String headings = String.join(" \n", main.select(HEADINGS).eachText());
        return new IndexEntry(type.code() + ":" + id, location.url(), type.code(), title, headings,
                main.text(), sections(main), municipalities, site.municipalityNames(municipalities), audiences, planId);
    }

    /**
     * The text under each {@code h2}/{@code h3} that has an id, up to the next such heading;
     * text before the first one belongs to the page alone.
     */
    static List<IndexEntry.Section> sections(Element main) {
        List<IndexEntry.Section> sections = new ArrayList<>();
        String[] current = {null, null};
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e && e.nameIs("h2") || node instanceof Element h && h.nameIs("h3")) {
                    Element heading = (Element) node;
                    if (!heading.id().isEmpty()) {
                        add(sections, current, text);
                        current[0] = heading.id();
                        current[1] = heading.text();
                        text.setLength(0);
                    }
                } else if (node instanceof TextNode t && current[0] != null) {
                    text.append(t.text());
                } else if (node instanceof Element e && e.isBlock() && text.length() > 0) {
                    text.append(' ');
                }
            }
        }, main);
        add(sections, current, text);
        return sections;
    }

    private static void add(List<IndexEntry.Section> sections, String[] current, StringBuilder text) {
        String body = text.toString().replaceAll("\\s+", " ").strip();
        if (current[0] != null && !body.isEmpty()) {
            sections.add(new IndexEntry.Section(current[0], current[1], body));
        }
    }
}
