package no.rusplan.bake;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import no.rusplan.model.ContentType;
import no.rusplan.model.Item;
import no.rusplan.render.SiteView;
import no.rusplan.render.TemplateSetup;

/**
 * Renders one content page the way a bake does (its type's template, the site variables,
 * {@code item} and {@code content.body}) without running JBake: for pages rebuilt on their own
 * in {@code serve --watch}. A test holds its output equal to the baked page.
 */
public final class PageRenderer {
    private final Configuration freemarker;
    private final SiteView view;

    public PageRenderer(java.nio.file.Path templatesDir, SiteView view) {
        this.freemarker = TemplateSetup.configuration(templatesDir);
        this.view = view;
    }

    public String render(Item item, ContentType type, String body) throws BakeException {
        String url = item.location().url();
        Map<String, Object> model = view.variables(url);
        model.put("item", item);
        model.put("content", Map.of("body", body));
        StringWriter html = new StringWriter();
        try {
            freemarker.getTemplate(type.code() + ".ftlh").process(model, html);
        } catch (IOException | TemplateException e) {
            throw new BakeException(java.util.List.of(e));
        }
        return html.toString();
    }
}
