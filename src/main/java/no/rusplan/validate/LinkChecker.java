package no.rusplan.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.rusplan.content.Problem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Checks the baked site: every internal link must reach a page or file of the site, and no
 * page may load anything from another origin (no CDN, fonts, analytics: people looking for
 * addiction help are not to be tracked). A problem is reported at the content file and line
 * that holds the link where it can be found there, else at the baked page.
 */
public final class LinkChecker {
    /** Elements that point somewhere; parsed once (jsoup parses a query string on every {@code select}). */
    private static final Evaluator REFERENCES = QueryParser.parse("[href], [src], [action]");
    /** Paths the server answers rather than files (kept in step with the serve stage). */
    private static final List<String> SERVER_PATHS = List.of("/sok", "/api/", "/_rusplan/");

    private static final java.util.regex.Pattern EXTERNAL_CSS =
            java.util.regex.Pattern.compile("(@import\\s+(url\\()?['\"]?|url\\(['\"]?)(https?:)?//[^'\")\\s;]+");

    private final Path siteDir;
    private final Map<String, Path> sourceByUrl;
    /** Whether each linked path exists: pages share most of their links (navigation, lists). */
    private final Map<String, Boolean> existing = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param sourceByUrl page URL to the content file it was baked from */
    public LinkChecker(Path siteDir, Map<String, Path> sourceByUrl) {
        this.siteDir = siteDir;
        this.sourceByUrl = sourceByUrl;
    }

    public List<Problem> check() {
        return check((page, html) -> { });
    }

    /**
     * Checks every page and stylesheet; each page's parsed HTML is then handed to
     * {@code thenRead} (on the checking thread; it may change the document), so that a stage
     * that needs the pages too does not read and parse them again.
     */
    public List<Problem> check(java.util.function.BiConsumer<Path, Document> thenRead) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(siteDir)) {
            files = walk.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // pages are independent: check them on every core, report in file order
        return files.parallelStream().map(file -> {
            List<Problem> found = new ArrayList<>();
            try {
                if (file.toString().endsWith(".html")) {
                    Document html = Jsoup.parse(file.toFile(), StandardCharsets.UTF_8.name(), "");
                    checkPage(file, html, found);
                    thenRead.accept(file, html);
                } else if (file.toString().endsWith(".css")) {
                    checkStylesheet(file, found);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return found;
        }).flatMap(List::stream).toList();
    }

    /** Checks one stylesheet before it is copied into the site (watch mode): as {@link #check()} does. */
    public static List<Problem> checkStylesheet(Path css) throws IOException {
        List<Problem> problems = new ArrayList<>();
        checkStylesheet(css, problems);
        return problems;
    }

    /** A stylesheet may not import or point {@code url()} at another site either. */
    private static void checkStylesheet(Path css, List<Problem> problems) throws IOException {
        List<String> lines = Files.readAllLines(css, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            java.util.regex.Matcher m = EXTERNAL_CSS.matcher(lines.get(i));
            if (m.find()) {
                problems.add(new Problem(css, i + 1, "loads '" + m.group() + "' from another site; every resource must be served by the site itself"));
            }
        }
    }

    /**
     * Checks one page before it is written to {@code page} (a page rebuilt on its own in watch
     * mode): the same rules as {@link #check()}.
     */
    public List<Problem> checkPage(Path page, Document html) {
        List<Problem> problems = new ArrayList<>();
        try {
            checkPage(page, html, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private void checkPage(Path page, Document html, List<Problem> problems) throws IOException {
        String pageUrl = "/" + siteDir.relativize(page).toString().replace('\\', '/');
        for (Element element : html.select(REFERENCES)) {
            for (String attribute : List.of("href", "src", "action")) {
                if (element.hasAttr(attribute)) {
                    String reference = element.attr(attribute).strip();
                    String issue = judge(element, pageUrl, reference);
                    if (issue != null) {
                        problems.add(locate(page, pageUrl, reference, issue));
                    }
                }
            }
        }
    }

    /** Returns what is wrong with a reference, or null. */
    private String judge(Element element, String pageUrl, String reference) {
        if (reference.isEmpty() || reference.startsWith("#")) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(reference);
        } catch (URISyntaxException e) {
            return "malformed link '" + reference + "'";
        }
        if (uri.getScheme() != null || reference.startsWith("//")) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            boolean navigation = element.tagName().equals("a") || element.tagName().equals("form");
            if (scheme.equals("mailto") || scheme.equals("tel")) {
                return null;
            }
            return navigation ? null : "loads '" + reference + "' from another site; every resource must be served by the site itself";
        }
        String path = URI.create(pageUrl).resolve(uri).getPath();
        if (path == null || SERVER_PATHS.stream().anyMatch(path::startsWith)) {
            return null;
        }
        return exists(path) ? null : "dead internal link '" + reference + "'";
    }

    private boolean exists(String path) {
        return existing.computeIfAbsent(path, this::isFileOfTheSite);
    }

    private boolean isFileOfTheSite(String path) {
        Path file = siteDir.resolve(path.substring(1)).normalize();
        if (!file.startsWith(siteDir)) {
            return false;
        }
        return path.endsWith("/") ? Files.isRegularFile(file.resolve("index.html"))
                : Files.isRegularFile(file) || Files.isRegularFile(file.resolve("index.html"));
    }

    private Problem locate(Path page, String pageUrl, String reference, String issue) throws IOException {
        String url = pageUrl.endsWith("/index.html") ? pageUrl.substring(0, pageUrl.length() - "index.html".length()) : pageUrl;
        Path source = sourceByUrl.get(url);
        if (source != null && Files.exists(source)) {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            String needle = reference.replaceAll("/$", "");
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    return new Problem(source, i + 1, issue);
                }
            }
        }
        return new Problem(page, 0, issue + " (made by a template)");
    }
}
