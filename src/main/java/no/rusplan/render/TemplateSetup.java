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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        cfg.setSharedVariable("cached", new FragmentCache()); // one per configuration: per build
        return cfg;
    }

    /**
     * Freemarker's default wrapper, with two changes to how it calls a Java method (every method
     * call and property read of a wrapped object goes through {@code invokeMethod}): while a
     * page's rendering is being recorded, each call on the site model is told to
     * {@link ModelReads}; and methods are called through a copy that skips Java's access check.
     * That check finds its caller by walking the stack, on every call: a third of the CPU of
     * rendering a directory page of 1,891 entries (async-profiler), for methods Freemarker's
     * introspection already found public.
     */
    private static final class RecordingWrapper extends DefaultObjectWrapper {
        private static final Map<Method, Method> CALLABLE = new ConcurrentHashMap<>();

        RecordingWrapper() {
            super(new DefaultObjectWrapperBuilder(FREEMARKER), true);
        }

        @Override
        protected TemplateModel invokeMethod(Object object, Method method, Object[] args)
                throws InvocationTargetException, IllegalAccessException, TemplateModelException {
            Object result = CALLABLE.computeIfAbsent(method, RecordingWrapper::callable).invoke(object, args);
            if (object instanceof SiteModel && ModelReads.recording()) {
                ModelReads.noteRead(method, args, result);
            }
            return method.getReturnType() == void.class ? TemplateModel.NOTHING : getOuterIdentity().wrap(result);
        }

        /** The same public method, made callable without the access check; itself if that is not allowed. */
        private static Method callable(Method method) {
            try {
                Method copy = method.getDeclaringClass().getMethod(method.getName(), method.getParameterTypes());
                copy.setAccessible(true);
                return copy;
            } catch (NoSuchMethodException | RuntimeException e) {
                return method;
            }
        }
    }
}
