package no.rusplan.bake;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import no.rusplan.render.TemplateSetup;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.template.AbstractTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * JBake template engine for {@code .ftlh} / {@code .ftlx} templates (registered in
 * {@code META-INF/org.jbake.parser.TemplateEngines.properties}). Unlike JBake's own
 * Freemarker engine it uses a current Freemarker configuration with auto-escaping and reads
 * the typed model that {@link SiteTemplateEngine} put into the template model.
 */
public final class FreemarkerEngine extends AbstractTemplateEngine {
    private final Configuration freemarker;

    public FreemarkerEngine(JBakeConfiguration config, ContentStore db) {
        super(config, db);
        this.freemarker = TemplateSetup.configuration(config.getTemplateFolder().toPath());
    }

    @Override
    public void renderDocument(TemplateModel model, String templateName, Writer writer) throws RenderingException {
        try {
            Template template = freemarker.getTemplate(templateName);
            template.process(new HashMap<>(model), writer);
        } catch (IOException | TemplateException e) {
            throw new RenderingException(templateName + ": " + e.getMessage(), e);
        }
    }
}
