package no.rusplan.build;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import no.rusplan.content.ContentProblemsException;
import no.rusplan.content.Problem;
import no.rusplan.model.SiteSettings;

/**
 * Where a Rusplan project keeps its inputs and outputs: {@code content/}, {@code templates/},
 * {@code assets/}, {@code site.properties}; the site goes to {@code target/site/} and the
 * search index to {@code search-index/}.
 */
public record ProjectLayout(Path projectDir, Path siteDir, Path indexDir) {

    public static ProjectLayout of(Path projectDir) {
        Path dir = projectDir.toAbsolutePath().normalize();
        return new ProjectLayout(dir, dir.resolve("target").resolve("site"), dir.resolve("search-index"));
    }

    public Path contentDir() {
        return projectDir.resolve("content");
    }

    /** Build caches (converted bodies by content hash); safe to delete at any time. */
    public Path cacheDir() {
        return projectDir.resolve("target").resolve(".rusplan-cache");
    }

    public Path templatesDir() {
        return projectDir.resolve("templates");
    }

    /** Static files copied into the site as they are ({@code assets/css/site.css} → {@code /css/site.css}). */
    public Path assetsDir() {
        return projectDir.resolve("assets");
    }

    public Path settingsFile() {
        return projectDir.resolve("site.properties");
    }

    /** Reads {@code site.properties}; a bad value is reported like any content problem. */
    public SiteSettings settings() throws ContentProblemsException {
        Path file = settingsFile();
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(reader);
            } catch (IOException e) {
                throw new ContentProblemsException(List.of(new Problem(file, 0, "cannot read: " + e.getMessage())));
            }
        }
        String lang = p.getProperty("site.lang", "nb").strip();
        if (!lang.equals("nb") && !lang.equals("nn")) {
            throw new ContentProblemsException(List.of(new Problem(file, 0,
                    "site.lang must be nb or nn, not '" + lang + "'")));
        }
        String months = p.getProperty("verified.max-age-months", "24").strip();
        if (!months.matches("[0-9]{1,3}")) {
            throw new ContentProblemsException(List.of(new Problem(file, 0,
                    "verified.max-age-months must be a whole number of months, not '" + months + "'")));
        }
        return new SiteSettings(p.getProperty("site.title", "Rusplan").strip(), lang,
                p.getProperty("site.base-url", "").strip(), Integer.parseInt(months));
    }
}
