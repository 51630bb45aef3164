package no.rusplan.bake;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.rusplan.content.ContentFile;
import no.rusplan.model.ContentType;
import no.rusplan.render.SiteView;
import org.jbake.app.Asset;
import org.jbake.app.ContentStore;
import org.jbake.app.Crawler;
import org.jbake.app.DBUtil;
import org.jbake.app.Oven;
import org.jbake.app.Renderer;
import org.jbake.app.Utensils;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;

/**
 * Bakes the site with JBake's {@link Oven}: JBake crawls {@code content/}, stores the
 * documents, renders each with the template of its type and copies {@code assets/}. Rusplan
 * plugs in three things: the {@code .adoc} parser ({@link AsciidocEngine}, reusing the
 * validated headers), the template model ({@link SiteTemplateEngine}) and the Freemarker
 * engine for {@code .ftlh}/{@code .ftlx} ({@link FreemarkerEngine}).
 */
public final class SiteBaker {
    static {
        // JBake's OrientDB store logs through java.util.logging; route it to SLF4J/logback,
        // where logback.xml keeps it quiet.
        if (!org.slf4j.bridge.SLF4JBridgeHandler.isInstalled()) {
            org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
            org.slf4j.bridge.SLF4JBridgeHandler.install();
        }
        // JBake's store is an in-memory OrientDB database thrown away after each bake, yet
        // creating it hashes the default users' passwords with 65,536 PBKDF2 rounds: seconds of
        // every build (measured with JFR). Nothing is persisted or exposed, so one round will do.
        // (OrientDB reads its global settings from system properties when it first loads.)
        System.setProperty("security.userPasswordSaltIterations", "1");
    }

    private final Path projectDir;

    public SiteBaker(Path projectDir) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
    }

    /**
     * Bakes into {@code destination} (which should be a fresh, empty directory). JBake's crawl
     * needs only the headers; each page waits for its own body when it is rendered, so
     * conversion may still be running ({@link ConvertedBodies#start}).
     *
     * @throws BakeException when JBake or a template fails
     */
    public int bake(List<ContentFile> files, SiteView view, Path destination, ConvertedBodies bodies)
            throws BakeException {
        Map<Path, ContentFile> byPath = files.stream().collect(Collectors.toMap(
                f -> f.file().toAbsolutePath().normalize(), Function.identity()));
        Engines.register("adoc", new AsciidocEngine(byPath));

        DefaultJBakeConfiguration config = configuration(destination.toFile());
        Utensils utensils = new Utensils();
        utensils.setConfiguration(config);
        ContentStore store = DBUtil.createDataStore(config);
        utensils.setContentStore(store);
        utensils.setCrawler(new Crawler(store, config));
        utensils.setRenderer(new Renderer(store, config, new SiteTemplateEngine(store, config, view, bodies)));
        utensils.setAsset(new Asset(config));
        Oven oven = new Oven(utensils);
        RenderingTools.during(oven::bake);

        if (!oven.getErrors().isEmpty()) {
            throw new BakeException(oven.getErrors());
        }
        return files.size();
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
        config.setProperty("db.store", "memory");
        config.setProperty("db.path", "rusplan-" + System.nanoTime());
        config.setProperty("asciidoctor.attributes.export", false);
        return config;
    }
}
