package no.rusplan.bench;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.rusplan.TestProject;

/**
 * Pagefind as the benchmarks run it: the npm package in {@code bench/pagefind/} (installed with
 * {@code npm ci} on first use) indexes a copy of the baked site. It is given the same text
 * Rusplan indexes ({@code <main>} without navigation, the emergency box and {@code .no-index}
 * parts), so the comparison is about search, not about what was indexed.
 */
final class Pagefind {
    /** An empty page on the static server from which the Pagefind module is imported. */
    static final String HARNESS = "bench-harness.html";

    private Pagefind() {
    }

    /** Copies {@code siteDir} to {@code target/bench/pagefind-site/}, indexes it with Pagefind, returns the copy. */
    static Path index(Path repo, Path siteDir) throws IOException, InterruptedException {
        Path dir = repo.resolve("bench/pagefind");
        if (!Files.isExecutable(dir.resolve("node_modules/.bin/pagefind"))) {
            Commands.run(dir, "npm", "ci", "--no-audit", "--no-fund");
        }
        Path copy = repo.resolve("target/bench/pagefind-site");
        if (Files.exists(copy)) {
            TestProject.deleteTree(copy);
        }
        TestProject.copyTree(siteDir, copy);
        Files.writeString(copy.resolve(HARNESS), "<!doctype html><html lang=\"nb\"><title>bench</title></html>");
        Commands.run(dir, "node_modules/.bin/pagefind", "--site", copy.toString(), "--root-selector", "main",
                "--exclude-selectors", "nav, .no-index, .emergency, script, style");
        return copy;
    }

    /** The first ten result urls for {@code query}, from Pagefind's own JavaScript API in the page. */
    @SuppressWarnings("unchecked")
    static List<String> top10(Page page, String query) {
        return (List<String>) page.evaluate("""
                async (query) => {
                  window.pagefind ??= await import('/pagefind/pagefind.js');
                  const search = await window.pagefind.search(query);
                  const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
                  return data.map(d => d.url);
                }""", query);
    }
}
