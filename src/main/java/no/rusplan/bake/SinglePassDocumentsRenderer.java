package no.rusplan.bake;

import java.util.ArrayList;
import java.util.List;
import org.jbake.app.ContentStore;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.render.RenderingTool;
import org.jbake.template.RenderingException;

/**
 * Renders every document once, in one pass on every core: what JBake's own {@code DocumentsRenderer} does
 * minus its per-document store queries. That one asks the OrientDB store for all documents of
 * the type (converted bodies included) and searches the list for the document's neighbours, for
 * every document, then writes a "rendered" flag back: work that grows with the square of the
 * page count (jbake-org/jbake#391), for previous/next links Rusplan's templates do not use (they
 * navigate with the site model). Run in place of JBake's by {@link SiteBaker}.
 */
public final class SinglePassDocumentsRenderer implements RenderingTool {
    @Override
    public int render(Renderer renderer, ContentStore db, JBakeConfiguration config) throws RenderingException {
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();
        // The store is read once, here; rendering touches only the documents (copies), the
        // templates (thread-safe) and the output files.
        List<DocumentModel> documents = new ArrayList<>(db.getUnrenderedContent());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (DocumentModel document : documents) {
                futures.add(pool.submit(() -> {
                    try {
                        renderer.render(document);
                        rendered.incrementAndGet();
                    } catch (Exception e) {
                        errors.add(e.getMessage());
                    }
                }));
            }
            for (java.util.concurrent.Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderingException("Interrupted while rendering");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new RenderingException("Rendering failed: " + e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (!errors.isEmpty()) {
            throw new RenderingException("Failed to render documents. Cause(s):\n" + String.join("\n", errors));
        }
        return rendered.get();
    }

    /** The pre-2.6 signature, still on the interface; JBake 2.7 calls the one above. */
    @Override
    @Deprecated
    public int render(Renderer renderer, ContentStore db, java.io.File destination, java.io.File templatesPath,
                      org.apache.commons.configuration2.CompositeConfiguration config) throws RenderingException {
        throw new UnsupportedOperationException("JBake 2.7 renders with a JBakeConfiguration");
    }
}
