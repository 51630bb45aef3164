package no.rusplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import no.rusplan.TestProject;
import no.rusplan.model.ContentType;
import org.jbake.app.Oven;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

/**
 * Stock JBake 2.7 as it ships, the reference the build benchmark's issue names: its own
 * {@link Oven} with default utensils (crawler, OrientDB store, documents renderer, its
 * Asciidoctor and Freemarker engines), none of Rusplan's replacements, on a copy of a corpus's
 * {@code content/} with one minimal template for every document type. Run by
 * {@link BuildBench} in a fresh JVM: {@code StockJBake <corpus project> <work dir>}.
 */
public final class StockJBake {
    private StockJBake() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        Path work = Path.of(args[1]);
        if (Files.exists(work)) {
            TestProject.deleteTree(work);
        }
        copyTree(corpus.resolve("content"), work.resolve("content"));
        Files.createDirectories(work.resolve("templates"));
        Files.createDirectories(work.resolve("assets"));
        Files.writeString(work.resolve("templates/page.ftl"), "<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\">"
                + "<title>${content.title!}</title></head><body><main><h1>${content.title!}</h1>${content.body}</main></body></html>\n");
        DefaultJBakeConfiguration config = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(
                work.toFile(), work.resolve("output").toFile(), true);
        for (ContentType type : ContentType.values()) {
            config.setProperty("template." + type.code() + ".file", "page.ftl");
        }
        for (String off : new String[] {"index", "feed", "archive", "tags", "tagsindex", "sitemap", "error404"}) {
            config.setProperty("render." + off, false);
        }
        config.setProperty("uri.noExtension", true);
        config.setProperty("uri.noExtension.prefix", "/");
        config.setProperty("default.status", "published");
        config.setProperty("db.store", "memory");
        long start = System.nanoTime();
        Oven oven = new Oven(config);
        oven.bake();
        long pages;
        try (Stream<Path> files = Files.walk(work.resolve("output"))) {
            pages = files.filter(f -> f.toString().endsWith(".html")).count();
        }
        System.out.printf(java.util.Locale.ROOT, "Stock JBake baked %d pages in %.1f s, %d errors%n", pages,
                (System.nanoTime() - start) / 1e9, oven.getErrors().size());
        System.exit(oven.getErrors().isEmpty() ? 0 : 1);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
