package no.rusplan.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Reads the baked pages of a site's items into {@link IndexEntry index entries}. */
public final class IndexEntries {
    private final SiteModel site;
    private final Path siteDir;

    public IndexEntries(SiteModel site, Path siteDir) {
        this.site = site;
        this.siteDir = siteDir;
    }

    public List<IndexEntry> all() {
        // each page is read and parsed on its own: on every core, in the model's order
        return site.items().parallelStream().map(this::entry).toList();
    }

    /** The entries of {@code items} only (pages rebuilt one by one in watch mode). */
    public List<IndexEntry> of(List<Item> items) {
        return items.stream().map(this::entry).toList();
    }

    private IndexEntry entry(Item item) {
        if (item instanceof Municipality m) {
            return entry(ContentType.MUNICIPALITY, m.id(), m.location(), List.of(m.id()), List.of(), "");
        } else if (item instanceof Plan p) {
            return entry(ContentType.PLAN, p.id(), p.location(), p.municipalities(), List.of(), p.id());
        } else if (item instanceof Chapter c) {
            return entry(ContentType.CHAPTER, c.id(), c.location(), site.plan(c.planId()).municipalities(),
                    List.of(), c.planId());
        } else if (item instanceof Measure m) {
            return entry(ContentType.MEASURE, m.id(), m.location(), site.plan(m.planId()).municipalities(),
                    List.of(), m.planId());
        } else if (item instanceof MeasureOverview o) {
            return entry(ContentType.MEASURES, o.id(), o.location(), site.plan(o.planId()).municipalities(),
                    List.of(), o.planId());
        } else if (item instanceof Service s) {
            return entry(ContentType.SERVICE, s.id(), s.location(), s.municipalities(),
                    s.audiences().stream().map(Coded::code).toList(), "");
        } else if (item instanceof Program p) {
            return entry(ContentType.PROGRAM, p.id(), p.location(),
                    site.municipalitiesUsing(p).stream().map(Municipality::id).toList(), List.of(), "");
        } else if (item instanceof Term t) {
            return entry(ContentType.TERM, t.id(), t.location(), List.of(), List.of(), "");
        } else if (item instanceof Page p) {
            return entry(p.listing() == null ? ContentType.PAGE : ContentType.DIRECTORY, p.id(), p.location(),
                    List.of(), List.of(), "");
        }
        throw new IllegalArgumentException("Not an indexable item: " + item);
    }

    private IndexEntry entry(ContentType type, String id, Location location, List<String> municipalities,
                             List<String> audiences, String planId) {
        Document html = read(location.url());
        Element main = html.selectFirst("main");
        if (main == null) {
            throw new IllegalStateException(location.url() + " has no <main> element to index");
        }
        main.select("nav, .no-index, .emergency, script, style").remove();
        Element h1 = main.selectFirst("h1");
        String title = h1 != null ? h1.text() : html.title();
        String headings = String.join(" \n", main.select("h2, h3, h4, caption, dt").eachText());
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

    private Document read(String url) {
        Path file = siteDir.resolve(url.substring(1)).resolve("index.html");
        try {
            return Jsoup.parse(file.toFile(), StandardCharsets.UTF_8.name(), "");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read baked page " + file, e);
        }
    }
}
