package no.rusplan.render;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one Freemarker configuration used for baked pages and for pages the server renders
 * (search results), so both look the same. {@code .ftlh} templates auto-escape HTML and
 * {@code .ftlx} auto-escape XML; records are read as {@code item.name} (Freemarker 2.3.33+).
 */
public final class TemplateSetup {
    public static final Version FREEMARKER = Configuration.VERSION_2_3_34;

    private TemplateSetup() {
    }

    public static Configuration configuration(Path templatesDir) {
        Configuration cfg = new Configuration(FREEMARKER);
        try {
            cfg.setDirectoryForTemplateLoading(templatesDir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read templates from " + templatesDir, e);
        }
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(java.util.Locale.forLanguageTag("nb-NO"));
        // Years and counts print as written (2010, not "2 010"); prose formats its own numbers.
        cfg.setNumberFormat("computer");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(FREEMARKER).build());
        return cfg;
    }
}
