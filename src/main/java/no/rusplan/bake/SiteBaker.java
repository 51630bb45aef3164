package no.rusplan.bake;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.rusplan.content.ContentFile;
import no.rusplan.model.ContentType;
import no.rusplan.render.ModelReads;
import no.rusplan.render.SiteView;
import org.apache.commons.lang3.LocaleUtils;
import org.jbake.app.Asset;
import org.jbake.app.ContentStore;
import org.jbake.app.Crawler;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.model.DocumentTypes;
import org.jbake.parser.Engines;
import org.jbake.render.Error404Renderer;
import org.jbake.render.IndexRenderer;
import org.jbake.render.RenderingTool;
import org.jbake.render.SitemapRenderer;
import org.jbake.template.ModelExtractors;
import org.jbake.template.ModelExtractorsDocumentTypeListener;
import org.jbake.template.RenderingException;

/**
 * Bakes the site with JBake: its {@link Crawler} reads {@code content/} into the store, its
 * {@link Renderer} renders each document with the template of its type through the rendering
 * tools, and its {@link Asset} copies {@code assets/}. These are the steps of JBake's
 * {@code Oven.bake()}, run here in the same order with the same utensils, because the Oven
 * needs an OrientDB database for its store (see {@link MemoryContentStore}, which takes its
 * place); the Oven's schema and cache-clearing steps are left out, as a store that lives for
 * one bake has neither. Rusplan plugs in the {@code .adoc} parser ({@link AsciidocEngine}, reusing the
 * validated headers), the template model ({@link SiteTemplateEngine}), the Freemarker engine for
 * {@code .ftlh}/{@code .ftlx} ({@link FreemarkerEngine}) and the documents renderer
 * ({@link SinglePassDocumentsRenderer}) beside JBake's own index, sitemap and 404 renderers.
 * Feed, archive and tags pages are not part of the site.
 */
public final class SiteBaker {
    private final Path projectDir;

    public SiteBaker(Path projectDir) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
    }

    /**
     * Bakes into {@code destination} (which should be a fresh, empty directory). JBake's crawl
     * needs only the headers; each page waits for its own body when it is rendered, so
     * conversion may still be running ({@link ConvertedBodies#start}). With {@code reads}, what
     * each content page's templates read from the model is recorded there ({@code serve --watch}).
     *
     * @throws BakeException when JBake or a template fails
     */
    public int bake(List<ContentFile> files, SiteView view, Path destination, ConvertedBodies bodies,
                    java.util.Optional<ModelReads> reads) throws BakeException {
        Map<Path, ContentFile> byPath = files.stream().collect(Collectors.toMap(
                f -> f.file().toAbsolutePath().normalize(), Function.identity()));
        Engines.register("adoc", new AsciidocEngine(byPath));

        DefaultJBakeConfiguration config = configuration(destination.toFile());
        ContentStore store = new MemoryContentStore();
        Renderer renderer = new Renderer(store, config, new SiteTemplateEngine(store, config, view, bodies, reads));
        Asset asset = new Asset(config);
        List<Throwable> errors = new ArrayList<>();
        if (config.getJvmLocale() != null) {
            Locale.setDefault(LocaleUtils.toLocale(config.getJvmLocale()));
        }
        store.startup();
        try {
            registerDocumentTypes(config);
            Crawler crawler = new Crawler(store, config);
            crawler.crawl();
            crawler.crawlDataFiles();
            for (RenderingTool tool : List.of(new SinglePassDocumentsRenderer(), new IndexRenderer(),
                    new SitemapRenderer(), new Error404Renderer())) {
                try {
                    tool.render(renderer, store, config);
                } catch (RenderingException e) {
                    errors.add(e);
                }
            }
            asset.copy();
            asset.copyAssetsFromContent(config.getContentFolder());
            errors.addAll(asset.getErrors());
        } finally {
            store.close();
        }
        if (!errors.isEmpty()) {
            throw new BakeException(errors);
        }
        return files.size();
    }

    /** The document types JBake knows for this bake (global in JBake), as the Oven registers them. */
    private static void registerDocumentTypes(JBakeConfiguration config) {
        DocumentTypes.resetDocumentTypes();
        ModelExtractors.getInstance().reset();
        DocumentTypes.addListener(new ModelExtractorsDocumentTypeListener());
        config.getDocumentTypes().forEach(DocumentTypes::addDocumentType);
        DocumentTypes.addDocumentType(config.getDataFileDocType());
    }

    private DefaultJBakeConfiguration configuration(File destination) {
        DefaultJBakeConfiguration config = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(
                projectDir.toFile(), destination, true);
        config.setProperty("content.folder", "content");
        config.setProperty("template.folder", "templates");
        config.setProperty("asset.folder", "assets");
        for (ContentType type : ContentType.values()) {
            config.setProperty("template." + type.code() + ".file", type.code() + ".ftlh");
        }
        config.setProperty("template.masterindex.file", "index.ftlh");
        config.setProperty("template.error404.file", "404.ftlh");
        config.setProperty("template.sitemap.file", "sitemap.ftlx");
        config.setProperty("render.index", true);
        config.setProperty("render.error404", true);
        config.setProperty("render.sitemap", true);
        config.setProperty("render.feed", false);
        config.setProperty("render.archive", false);
        config.setProperty("render.tags", false);
        config.setProperty("render.tagsindex", false);
        config.setProperty("uri.noExtension", true);
        config.setProperty("uri.noExtension.prefix", "/");
        config.setProperty("default.status", "published");
        config.setProperty("asciidoctor.attributes.export", false);
        return config;
    }
}
