package no.rusplan.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import no.rusplan.TestProject;
import no.rusplan.index.StaticIndexWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a rebuild of some pages, {@link SiteBuild#refreshStaticIndex} brings the static index
 * ({@code /search/}) up to date: read here as the browser reads it (manifest → lexicon shard →
 * postings shard → pages → the page's text member).
 */
class StaticIndexRefreshTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "/services/hjelpesenteret/";

    @TempDir
    Path temp;

    @Test
    void aRebuiltPageIsFoundInTheStaticIndexAfterTheRefreshAndEarlierFilesStayUntilTheNextOne() throws Exception {
        TestProject project = TestProject.fixture(temp.resolve("site"));
        SiteBuild build = new SiteBuild(project.layout(), TODAY);
        SiteBuild.Outcome first = build.build();
        assertTrue(first.staticIndexCurrent() && first.entries().isPresent());
        Path search = project.layout().siteDir().resolve(StaticIndexWriter.DIR);
        Set<String> built = filesIn(search);
        assertTrue(pagesFor(search, "kveldsåpent").isEmpty(), "the word is not in the fixture yet");

        Path file = project.file("content/services/hjelpesenteret.adoc");
        Files.writeString(file, Files.readString(file) + "\nDet er nå også kveldsåpent hver torsdag.\n");
        SiteBuild.Outcome rebuilt = build.rebuildPages(first, Set.of(file)).orElseThrow();
        assertFalse(rebuilt.staticIndexCurrent(), "a rebuild leaves the static index as it was");
        assertEquals(built, filesIn(search));

        SiteBuild.Outcome refreshed = build.refreshStaticIndex(rebuilt);
        assertTrue(refreshed.staticIndexCurrent());
        assertEquals(List.of(PAGE), pagesFor(search, "kveldsåpent"), "found by its new word");
        assertTrue(textOf(search, PAGE).contains("kveldsåpent"), "and its snippet text is the new one");
        assertTrue(pagesFor(search, "testprogrammet").stream().anyMatch(url -> url.contains("testprogram")),
                "the other pages are still found: " + pagesFor(search, "testprogrammet"));
        Set<String> afterFirst = filesIn(search);
        Set<String> namedByFirst = namedBy(search);
        assertTrue(afterFirst.containsAll(built), "the files the replaced manifest names stay, for pages loaded before");
        assertTrue(afterFirst.size() > built.size(), "the changed ones were added beside them");

        Files.writeString(file, Files.readString(file) + "\nOgså nattåpent i helgene.\n");
        SiteBuild.Outcome again = build.refreshStaticIndex(build.rebuildPages(refreshed, Set.of(file)).orElseThrow());
        assertEquals(List.of(PAGE), pagesFor(search, "nattåpent"));
        assertEquals(List.of(PAGE), pagesFor(search, "kveldsåpent"));
        Set<String> expected = new TreeSet<>(namedBy(search));
        expected.addAll(namedByFirst);
        expected.add(StaticIndexWriter.MANIFEST);
        assertEquals(expected, filesIn(search), "the files of the manifest and of the one it replaced, nothing else");
        assertFalse(filesIn(search).containsAll(built), "files named by neither manifest are deleted");
        assertEquals(again.entries().orElseThrow(), build.build().entries().orElseThrow(),
                "the entries the refresh kept are what a full build reads");
    }

    @Test
    void withoutEntriesTheRefreshReadsThemFromThePublishedPages() throws Exception {
        TestProject project = TestProject.fixture(temp.resolve("up-to-date"));
        SiteBuild build = new SiteBuild(project.layout(), TODAY);
        build.build();
        SiteBuild.Outcome upToDate = build.build();
        assertTrue(upToDate.upToDate() && upToDate.entries().isEmpty(), "an up-to-date build reads no pages");
        Path file = project.file("content/services/hjelpesenteret.adoc");
        Files.writeString(file, Files.readString(file) + "\nDet er nå også kveldsåpent hver torsdag.\n");
        SiteBuild.Outcome refreshed = build.refreshStaticIndex(build.rebuildPages(upToDate, Set.of(file)).orElseThrow());
        Path search = project.layout().siteDir().resolve(StaticIndexWriter.DIR);
        assertEquals(List.of(PAGE), pagesFor(search, "kveldsåpent"));
        assertEquals(build.build().entries().orElseThrow(), refreshed.entries().orElseThrow(),
                "read from the pages, the entries are what a full build reads");
    }

    /** The urls of the pages the static index gives for {@code word}, as search.js finds them (the word's first alternative). */
    private static List<String> pagesFor(Path search, String word) throws IOException {
        JsonNode manifest = JSON.readTree(search.resolve(StaticIndexWriter.MANIFEST).toFile());
        String shard = manifest.path("lexicon").path(StaticIndexWriter.lexiconKey(word)).asText();
        if (shard.isEmpty()) {
            return List.of();
        }
        JsonNode alternatives = gzipJson(search.resolve(shard)).path(word);
        if (alternatives.isMissingNode()) {
            return List.of();
        }
        List<String> terms = new ArrayList<>();
        if (alternatives.isTextual()) {
            terms.add(alternatives.asText());
        } else {
            alternatives.get(0).forEach(term -> terms.add(term.asText()));
        }
        JsonNode docs = gzipJson(search.resolve(manifest.path("docs").asText()));
        JsonNode postingFiles = manifest.path("postings");
        Set<String> urls = null;
        for (String term : terms) {
            JsonNode postings = gzipJson(search.resolve(postingFiles.get(StaticIndexWriter.shardOf(term, postingFiles.size()))
                    .asText())).path(term);
            Set<String> found = new TreeSet<>();
            int page = 0;
            for (int i = 0; i < postings.size(); i += 2) {
                page += postings.get(i).asInt();
                found.add(docs.get(page).get(1).asText());
            }
            if (urls == null) {
                urls = found;
            } else {
                urls.retainAll(found);
            }
        }
        return List.copyOf(urls);
    }

    /** The snippet text the static index holds for the page at {@code url}. */
    private static String textOf(Path search, String url) throws IOException {
        JsonNode manifest = JSON.readTree(search.resolve(StaticIndexWriter.MANIFEST).toFile());
        byte[] texts = Files.readAllBytes(search.resolve(manifest.path("texts").asText()));
        for (JsonNode doc : gzipJson(search.resolve(manifest.path("docs").asText()))) {
            if (doc.get(1).asText().equals(url)) {
                JsonNode range = doc.get(6);
                return new String(gunzip(java.util.Arrays.copyOfRange(texts, range.get(0).asInt(),
                        range.get(0).asInt() + range.get(1).asInt())), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no page " + url);
    }

    /** The data files the manifest names. */
    private static Set<String> namedBy(Path search) throws IOException {
        JsonNode manifest = JSON.readTree(search.resolve(StaticIndexWriter.MANIFEST).toFile());
        List<String> names = new ArrayList<>(List.of(manifest.path("docs").asText(), manifest.path("texts").asText()));
        manifest.path("lexicon").forEach(name -> names.add(name.asText()));
        manifest.path("postings").forEach(name -> names.add(name.asText()));
        return new TreeSet<>(names);
    }

    private static Set<String> filesIn(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return new TreeSet<>(files.map(file -> file.getFileName().toString()).toList());
        }
    }

    private static JsonNode gzipJson(Path file) throws IOException {
        return JSON.readTree(gunzip(Files.readAllBytes(file)));
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }
}
