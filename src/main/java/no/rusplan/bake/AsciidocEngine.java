package no.rusplan.bake;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.rusplan.content.ContentFile;
import no.rusplan.content.HeaderAttribute;
import no.rusplan.content.Problem;
import no.rusplan.model.Glossary;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.MarkupEngine;
import org.jbake.parser.ParserContext;

/**
 * JBake's parser for {@code .adoc} files in a Rusplan build. The header was already read and
 * validated ({@link ContentFile}), so it is taken from there instead of being parsed again;
 * the body is converted by {@link AsciidocConverter}, whose problems are collected.
 */
final class AsciidocEngine extends MarkupEngine {
    private final Map<Path, ContentFile> files;
    private final AsciidocConverter converter;
    private final List<Problem> problems;
    private final AbbreviationMarker abbreviations;
    private final TableScroller tables = new TableScroller();

    AsciidocEngine(Map<Path, ContentFile> files, AsciidocConverter converter, List<Problem> problems,
                   Glossary glossary) {
        this.files = files;
        this.converter = converter;
        this.problems = problems;
        this.abbreviations = new AbbreviationMarker(glossary);
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

    @Override
    public void processBody(ParserContext context) {
        ContentFile file = contentFile(context);
        String source = String.join("\n", context.getFileLines());
        String html = converter.convert(file.file(), source, problems);
        html = new ChartRenderer().render(html, file.file(), problems);
        html = tables.wrap(html);
        context.setBody(abbreviations.mark(html));
    }
}
