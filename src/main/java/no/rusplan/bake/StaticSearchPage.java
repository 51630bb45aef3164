package no.rusplan.bake;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.rusplan.render.SiteView;
import no.rusplan.render.TemplateSetup;

/**
 * Bakes {@code /sok/index.html}: the search page for hosts without Java. It is the server's
 * {@code search.ftlh} rendered with {@code staticSearch} set and no result; its script asks
 * {@code /api/search} and, where there is none, searches the static index in the browser.
 * Without JavaScript it says plainly that search needs it on this host.
 */
public final class StaticSearchPage {
    public static final String URL = "/sok/";
    static final String TEMPLATE = "search.ftlh";
    private final Configuration freemarker;

    public StaticSearchPage(Path templatesDir) {
        this.freemarker = TemplateSetup.configuration(templatesDir);
    }

    static Map<String, Object> model(SiteView view) {
        Map<String, Object> model = view.variables(URL);
        model.put("staticSearch", true);
        return model;
    }

    public void write(SiteView view, Path siteDir) throws BakeException {
        Path file = siteDir.resolve("sok").resolve("index.html");
        Map<String, Object> model = model(view);
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                freemarker.getTemplate(TEMPLATE).process(model, out);
            }
        } catch (IOException | TemplateException e) {
            throw new BakeException(List.of(e));
        }
    }
}
