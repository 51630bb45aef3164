package no.rusplan.bench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.rusplan.HeadlessChromium;
import no.rusplan.StaticFileServer;
import no.rusplan.TestProject;
import no.rusplan.analysis.SynonymTable;
import no.rusplan.build.ProjectLayout;
import no.rusplan.build.SiteBuild;
import no.rusplan.index.IndexEntry;
import no.rusplan.index.SearchIndexer;
import no.rusplan.index.StaticIndexWriter;

/**
 * The static index benchmark: bytes and requests a browser fetches for a first and a second
 * query from Rusplan's static index and from Pagefind on the same site (a plain static server,
 * headless chromium, empty cache for the first query, the same page for the second), and the
 * index's size on disk and file count for the example site and a 5,000-page synthetic corpus.
 * <p>Run: {@code ./mvnw -q test-compile exec:java@static-index} (needs node/npm and chromium).
 */
public final class StaticIndexBench {
    /** Query pairs: the first query of a visit, then a second one. */
    private static final List<List<String>> VISITS = List.of(
            List.of("pårørende grong", "familievern kontor"),
            List.of("hjelp etter soning", "skjenkebevilling"),
            List.of("program ungdomsskole alkohol", "famileambulatoriet"),
            List.of("tyrili", "rus på jobben"));
    private static final int SHOWN = 10;

    private StaticIndexBench() {
    }

    private record Fetched(long bytes, int requests) {
    }

    public static void main(String[] args) throws Exception {
        Path repo = TestProject.REPO;
        ProjectLayout layout = ProjectLayout.of(repo);
        new SiteBuild(layout, LocalDate.now()).build();
        Path site = Pagefind.index(repo, layout.siteDir());
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Static search, %s, %d cores; bytes are response bodies as fetched (our data files and Pagefind's are gzip on disk; JS is not compressed for either)%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "%-34s %22s %22s%n", "visit (first query / second query)", "rusplan first | second", "pagefind first | second"));
        long[] totals = new long[4];
        try (StaticFileServer files = new StaticFileServer(site);
             HeadlessChromium chromium = HeadlessChromium.launch(HeadlessChromium.find().orElseThrow(
                     () -> new IllegalStateException("chromium not on PATH (apt-get install chromium)")))) {
            String harness = files.uri().resolve(Pagefind.HARNESS).toString();
            for (List<String> visit : VISITS) {
                Fetched[] ours = visit(chromium, harness, visit, "/search/", "/js/search.js", """
                        async ([query, shown]) => {
                          const searcher = await import('/js/search.js');
                          return (await searcher.search(query, { limit: shown })).hits.length;
                        }""");
                Fetched[] theirs = visit(chromium, harness, visit, "/pagefind/", "/pagefind/", """
                        async ([query, shown]) => {
                          window.pagefind ??= await import('/pagefind/pagefind.js');
                          const search = await window.pagefind.search(query);
                          return (await Promise.all(search.results.slice(0, shown).map(r => r.data()))).length;
                        }""");
                out.append(String.format(Locale.ROOT, "%-34s %9s (%2d) | %6s (%2d) %9s (%2d) | %6s (%2d)%n",
                        visit.get(0) + " / " + visit.get(1),
                        kb(ours[0].bytes()), ours[0].requests(), kb(ours[1].bytes()), ours[1].requests(),
                        kb(theirs[0].bytes()), theirs[0].requests(), kb(theirs[1].bytes()), theirs[1].requests()));
                totals[0] += ours[0].bytes();
                totals[1] += ours[1].bytes();
                totals[2] += theirs[0].bytes();
                totals[3] += theirs[1].bytes();
            }
        }
        out.append(String.format(Locale.ROOT, "first query, mean: rusplan %s, pagefind %s (rusplan = %.0f %% of pagefind)%n",
                kb(totals[0] / VISITS.size()), kb(totals[2] / VISITS.size()), 100.0 * totals[0] / totals[2]));
        out.append(String.format(Locale.ROOT, "second query, mean: rusplan %s, pagefind %s%n%n",
                kb(totals[1] / VISITS.size()), kb(totals[3] / VISITS.size())));

        out.append(size("example site, rusplan  target/site/search/", layout.siteDir().resolve(StaticIndexWriter.DIR)));
        out.append(size("example site, pagefind pagefind/", site.resolve("pagefind")));
        out.append(synthetic(repo, 5_000));
        Commands.report(TestProject.REPO, "static-index.txt", out);
    }

    /** A fresh browser context (empty cache): the first query, then the second on the same page. */
    private static Fetched[] visit(HeadlessChromium chromium, String harness, List<String> queries, String dataPath,
                                   String codePath, String script) {
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(harness);
            List<Response> responses = new ArrayList<>();
            page.onResponse(responses::add);
            Fetched[] fetched = new Fetched[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                responses.clear();
                page.evaluate(script, List.of(queries.get(i), SHOWN));
                long bytes = 0;
                int requests = 0;
                for (Response response : responses) {
                    if (response.url().contains(dataPath) || response.url().contains(codePath)) {
                        bytes += response.body().length;
                        requests++;
                    }
                }
                fetched[i] = new Fetched(bytes, requests);
            }
            return fetched;
        }
    }

    /** Ours for a synthetic corpus of {@code pages}: Lucene index, then the static index; sizes and time. */
    private static String synthetic(Path repo, int pages) throws IOException, InterruptedException {
        List<IndexEntry> entries = SyntheticEntries.generate(pages, 42);
        Path dir = repo.resolve("target/bench/synthetic-" + pages);
        if (Files.exists(dir)) {
            TestProject.deleteTree(dir);
        }
        Path lucene = dir.resolve("search-index");
        Path web = dir.resolve("site/search");
        Files.createDirectories(lucene);
        long start = System.nanoTime();
        new SearchIndexer().write(entries, Map.of(), SynonymTable.handKept(), lucene);
        long indexed = System.nanoTime();
        StaticIndexWriter.Stats stats = new StaticIndexWriter().write(entries, lucene, SynonymTable.handKept(), Map.of(), web);
        long written = System.nanoTime();
        StringBuilder out = new StringBuilder(size(pages + " synthetic pages, rusplan", web));
        out.append(String.format(Locale.ROOT, "  %d words in the lexicon, %d terms, %d postings in %d shards; Lucene index %.1f s, static index %.1f s%n",
                stats.words(), stats.terms(), stats.postings(), stats.postingShards(),
                (indexed - start) / 1e9, (written - indexed) / 1e9));
        Path html = dir.resolve("html");
        for (IndexEntry entry : entries) {
            Path file = html.resolve(entry.url().substring(1)).resolve("index.html");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "<!doctype html><html lang=\"nb\"><title>" + entry.title() + "</title><main><h1>"
                    + entry.title() + "</h1><p>" + entry.body() + "</p></main></html>", StandardCharsets.UTF_8);
        }
        Commands.run(repo.resolve("bench/pagefind"), "node_modules/.bin/pagefind", "--site", html.toString(),
                "--root-selector", "main", "--silent");
        out.append(size(pages + " synthetic pages, pagefind", html.resolve("pagefind")));
        return out.toString();
    }

    private static String size(String label, Path dir) throws IOException {
        long bytes;
        long count;
        try (var files = Files.walk(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            count = all.size();
            bytes = 0;
            for (Path file : all) {
                bytes += Files.size(file);
            }
        }
        return String.format(Locale.ROOT, "%-44s %8s in %5d files%n", label, kb(bytes), count);
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
    }
}
