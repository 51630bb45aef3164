package no.rusplan.bake;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import no.rusplan.model.ContentType;
import no.rusplan.model.Item;
import no.rusplan.render.ModelReads;
import no.rusplan.render.SiteView;
import no.rusplan.render.TemplateSetup;

/**
 * Renders one content page the way a bake does (its type's template, the site variables,
 * {@code item} and {@code content.body}) without running JBake, and the pages rendered from the
 * model alone: for pages rebuilt in {@code serve --watch}. Tests hold its output equal to
 * the baked pages.
 */
public final class PageRenderer {
    private final Configuration freemarker;
    private final SiteView view;
    private final java.util.Optional<ModelReads> reads;

    public PageRenderer(java.nio.file.Path templatesDir, SiteView view) {
        this(templatesDir, view, java.util.Optional.empty());
    }

    /** @param reads where to record what each content page read from the model, if anywhere */
    public PageRenderer(java.nio.file.Path templatesDir, SiteView view, java.util.Optional<ModelReads> reads) {
        this.freemarker = TemplateSetup.configuration(templatesDir);
        this.view = view;
        this.reads = reads;
    }

    public String render(Item item, ContentType type, String body) throws BakeException {
        Map<String, Object> model = view.variables(item.location().url());
        model.put("item", item);
        model.put("content", Map.of("body", body));
        String template = type.code() + ".ftlh";
        return reads.isPresent() ? reads.get().record(item.location().file(), () -> process(template, model))
                : process(template, model);
    }

    /**
     * The pages a bake renders from the model alone, by their path in the site: the home page,
     * the 404 page, the sitemap and the static search page, as JBake and {@link StaticSearchPage}
     * render them.
     */
    public Map<String, String> renderSitePages() throws BakeException {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("index.html", process("index.ftlh", view.variables("/")));
        pages.put("404.html", process("404.ftlh", view.variables("/404.html")));
        pages.put("sitemap.xml", process("sitemap.ftlx", view.variables("/sitemap.xml")));
        pages.put("sok/index.html", process(StaticSearchPage.TEMPLATE, StaticSearchPage.model(view)));
        return pages;
    }

    private String process(String template, Map<String, Object> model) throws BakeException {
        StringWriter out = new StringWriter();
        try {
            freemarker.getTemplate(template).process(model, out);
        } catch (IOException | TemplateException e) {
            throw new BakeException(java.util.List.of(e));
        }
        return out.toString();
    }
}
