package no.rusplan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.rusplan.analysis.SynonymTable;
import no.rusplan.index.IndexEntry;
import no.rusplan.index.SearchIndexer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestionsAfterUpdateTest {
    private static IndexEntry page(int n, String title) {
        String body = title + ". Samtaler og veiledning for pårørende, side " + n + ".";
        return new IndexEntry("service:side-" + n, "/services/side-" + n + "/", "service", title, "", body,
                List.of(new IndexEntry.Section("om", title, body)), List.of("testby"), List.of("Testby"),
                List.of("relatives"), "");
    }

    @Test
    void aPageReplacedByARebuildIsSuggestedOnlyByItsNewTitle(@TempDir Path index) throws Exception {
        List<IndexEntry> entries = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            entries.add(page(n, n == 7 ? "Hjelpesenteret for pårørende" : "Tilbud nummer " + n));
        }
        new SearchIndexer().write(entries, Map.of(), SynonymTable.handKept(), index);
        new SearchIndexer().update(List.of(page(7, "Støttesenteret for pårørende")), index);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            assertTrue(reader.maxDoc() > reader.numDocs(), "the replaced document is still in the index, deleted");
            // both ways of reading the titles (an index from before the doc value has only stored fields) agree
            List<Suggestion> fromDocValues = new ArrayList<>();
            List<Suggestion> fromStoredFields = new ArrayList<>();
            for (var leaf : reader.leaves()) {
                fromDocValues.addAll(SearchService.titlesFromDocValues(leaf.reader()));
                fromStoredFields.addAll(SearchService.titlesFromStoredFields(leaf.reader()));
            }
            assertEquals(reader.numDocs(), fromDocValues.size());
            assertEquals(fromStoredFields, fromDocValues);
            assertTrue(fromDocValues.contains(new Suggestion("Støttesenteret for pårørende", "/services/side-7/", "service")),
                    fromDocValues.toString());
        }
        try (SearchService search = SearchService.open(index)) {
            assertEquals(List.of("Støttesenteret for pårørende"),
                    search.suggest("støttesenteret").stream().map(Suggestion::title).toList());
            assertEquals(List.of(), search.suggest("hjelpesenteret"), "the old title is not suggested");
        }
    }
}
