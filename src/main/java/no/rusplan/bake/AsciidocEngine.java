package no.rusplan.bake;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import no.rusplan.content.ContentFile;
import no.rusplan.content.HeaderAttribute;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.MarkupEngine;
import org.jbake.parser.ParserContext;

/**
 * JBake's parser for {@code .adoc} files in a Rusplan build. The header was already read and
 * validated ({@link ContentFile}), so it is taken from there instead of being parsed again; the
 * body is converted apart ({@link ConvertedBodies}, in parallel and cached) and put in at
 * rendering.
 */
final class AsciidocEngine extends MarkupEngine {
    private final Map<Path, ContentFile> files;

    AsciidocEngine(Map<Path, ContentFile> files) {
        this.files = files;
    }

    /** Files the content stage did not read (include partials named {@code _*.adoc}) are skipped. */
    @Override
    public DocumentModel parse(JBakeConfiguration config, File file) {
        if (!files.containsKey(file.toPath().toAbsolutePath().normalize())) {
            return null;
        }
        return super.parse(config, file);
    }

    private ContentFile contentFile(ParserContext context) {
        Path path = context.getFile().toPath().toAbsolutePath().normalize();
        ContentFile file = files.get(path);
        if (file == null) {
            throw new IllegalStateException("Not read by the content stage: " + path);
        }
        return file;
    }

    @Override
    public void processHeader(ParserContext context) {
        ContentFile file = contentFile(context);
        DocumentModel document = context.getDocumentModel();
        document.setTitle(file.title());
        for (HeaderAttribute attribute : file.attributes().values()) {
            document.put(attribute.name(), attribute.value());
        }
        file.attribute("jbake-type").ifPresent(a -> document.setType(a.value()));
        document.setStatus("published");
    }

    /**
     * The body is left empty here: JBake crawls while the bodies are still being converted, and
     * {@link SiteTemplateEngine} puts each one in when its page is rendered.
     */
    @Override
    public void processBody(ParserContext context) {
        contentFile(context);
        context.setBody("");
    }
}
