package no.rusplan.bake;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * The rendering tools JBake's {@code Oven} runs: JBake finds them with {@link java.util.ServiceLoader}
 * on the thread's context class loader, so during a bake that loader answers the lookup of
 * {@code META-INF/services/org.jbake.render.RenderingTool} with Rusplan's list
 * ({@code rendering-tools.txt}): {@link SinglePassDocumentsRenderer} instead of JBake's
 * quadratic documents renderer, and JBake's own index, sitemap and 404 renderers.
 */
final class RenderingTools extends ClassLoader {
    private static final String SERVICE = "META-INF/services/org.jbake.render.RenderingTool";
    private static final URL OURS = Objects.requireNonNull(RenderingTools.class.getResource("rendering-tools.txt"));

    private RenderingTools(ClassLoader parent) {
        super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return SERVICE.equals(name) ? Collections.enumeration(List.of(OURS)) : super.getResources(name);
    }

    /** Runs {@code bake} with Rusplan's rendering tools. */
    static void during(Runnable bake) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new RenderingTools(previous != null ? previous : RenderingTools.class.getClassLoader()));
        try {
            bake.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
