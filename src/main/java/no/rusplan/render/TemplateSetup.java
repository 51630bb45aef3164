package no.rusplan.render;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import no.rusplan.model.SiteModel;

/**
 * The one Freemarker configuration used for baked pages and for pages the server renders
 * (search results), so both look the same. {@code .ftlh} templates auto-escape HTML and
 * {@code .ftlx} auto-escape XML; records are read as {@code item.name} (Freemarker 2.3.33+).
 */
public final class TemplateSetup {
    public static final Version FREEMARKER = Configuration.VERSION_2_3_34;
    private static final ObjectWrapper WRAPPER = new RecordingWrapper();

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
        cfg.setObjectWrapper(WRAPPER);
        return cfg;
    }

    /**
     * Freemarker's default wrapper, which also tells {@link ModelReads} every call a template
     * makes on the site model while a page's rendering is being recorded. Every method call and
     * property read of a wrapped object goes through {@code invokeMethod}.
     */
    private static final class RecordingWrapper extends DefaultObjectWrapper {
        RecordingWrapper() {
            super(new DefaultObjectWrapperBuilder(FREEMARKER), true);
        }

        @Override
        protected TemplateModel invokeMethod(Object object, Method method, Object[] args)
                throws InvocationTargetException, IllegalAccessException, TemplateModelException {
            if (!(object instanceof SiteModel) || !ModelReads.recording()) {
                return super.invokeMethod(object, method, args);
            }
            Object result = method.invoke(object, args);
            ModelReads.noteRead(method, args, result);
            return method.getReturnType() == void.class ? TemplateModel.NOTHING : getOuterIdentity().wrap(result);
        }
    }
}
