package no.rusplan.bake;

import java.io.Writer;
import java.nio.file.Path;
import no.rusplan.render.ModelReads;
import no.rusplan.render.SiteView;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.template.DelegatingTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * Puts Rusplan's typed view ({@link SiteView}: site model, UI strings, page context) and the
 * page's own typed {@code item} into every template model JBake renders, then renders Rusplan's
 * Freemarker templates itself and lets JBake pick the engine for any other extension.
 */
final class SiteTemplateEngine extends DelegatingTemplateEngine {
    private final SiteView view;
    private final ConvertedBodies bodies;
    private final FreemarkerEngine freemarker;
    private final java.util.Optional<ModelReads> reads;

    /**
     * @param bodies the converted bodies; a page waits for its own if it is still being converted
     * @param reads where to record what each content page read from the model, if anywhere
     */
    SiteTemplateEngine(ContentStore db, JBakeConfiguration config, SiteView view, ConvertedBodies bodies,
                       java.util.Optional<ModelReads> reads) {
        super(db, config);
        this.view = view;
        this.bodies = bodies;
        this.reads = reads;
        this.freemarker = new FreemarkerEngine(config, db);
    }

    @Override
    public void renderDocument(TemplateModel model, String templateName, Writer writer) throws RenderingException {
        DocumentModel content = model.getContent();
        String url = pageUrl(content, templateName);
        model.putAll(view.variables(url));
        Path file = content != null && content.getFile() != null ? Path.of(content.getFile()) : null;
        if (file != null) {
            model.put("item", view.site().flatMap(site -> site.itemFor(file)).orElseThrow(() ->
                    new IllegalStateException("No model item for " + file)));
            String body = bodies.html(file);
            if (body == null) {
                throw new IllegalStateException("Body not converted: " + file);
            }
            content.setBody(body);
        }
        if (templateName.endsWith(".ftlh") || templateName.endsWith(".ftlx")) {
            // JBake's delegation copies its whole configuration into a map for every page
            // (a sixth of rendering, measured with JFR) for templates that never read it
            if (file != null && reads.isPresent()) {
                reads.get().record(file, () -> {
                    freemarker.renderDocument(model, templateName, writer);
                    return null;
                });
            } else {
                freemarker.renderDocument(model, templateName, writer);
            }
        } else {
            super.renderDocument(model, templateName, writer);
        }
    }

    private String pageUrl(DocumentModel content, String templateName) {
        if (content != null && content.getNoExtensionUri() != null) {
            return content.getNoExtensionUri().startsWith("/") ? content.getNoExtensionUri()
                    : "/" + content.getNoExtensionUri();
        }
        if (templateName.startsWith("404")) {
            return "/404.html";
        }
        return templateName.startsWith("sitemap") ? "/sitemap.xml" : "/";
    }
}
