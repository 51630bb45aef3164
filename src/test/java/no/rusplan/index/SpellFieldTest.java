package no.rusplan.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.rusplan.analysis.NorwegianAnalysis;
import no.rusplan.analysis.SynonymTable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spell field (suggestions, the static index's lexicon) holds every word of each page's
 * title and text, stop words included, on as many pages as they stand on, however the
 * indexer gets the words there; and a page updated in place gets its words the same way.
 */
class SpellFieldTest {
    private static IndexEntry page(String id, String title, String body) {
        return new IndexEntry("service:" + id, "/services/" + id + "/", "service", title, "", body, List.of(),
                List.of(), List.of(), List.of(), "");
    }

    /** Word → on how many of {@code entries} it stands, analysed as the spell field's words are. */
    private static Map<String, Integer> expected(List<IndexEntry> entries) {
        Map<String, Integer> pages = new TreeMap<>();
        for (IndexEntry entry : entries) {
            NorwegianAnalysis.words(entry.title() + " " + entry.body()).stream().distinct()
                    .forEach(word -> pages.merge(word, 1, Integer::sum));
        }
        return pages;
    }

    /** Word → on how many live pages the index's spell field has it. */
    private static Map<String, Integer> spellTerms(Path index) throws Exception {
        Map<String, Integer> pages = new TreeMap<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            Bits live = MultiBits.getLiveDocs(reader);
            TermsEnum words = MultiTerms.getTerms(reader, IndexFields.SPELL).iterator();
            for (BytesRef word = words.next(); word != null; word = words.next()) {
                PostingsEnum postings = MultiTerms.getTermPostingsEnum(reader, IndexFields.SPELL, word);
                int count = 0;
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        count++;
                    }
                }
                if (count > 0) {
                    pages.put(word.utf8ToString(), count);
                }
            }
        }
        return pages;
    }

    @Test
    void holdsEveryWordOfTitleAndTextOnThePagesItStandsOn(@TempDir Path index) throws Exception {
        List<IndexEntry> entries = new ArrayList<>(List.of(
                page("a", "Pårørendesenteret i Testby", "Samtaler for pårørende. Samtaler og kurs, og mer."),
                page("b", "Ungdomsteamet", "Kurs for ungdom og foreldre i Testby."),
                page("c", "Legevakt", "Ring legevakten ved akutt behov.")));
        new SearchIndexer().write(entries, Map.of(), SynonymTable.handKept(), index);
        Map<String, Integer> spell = spellTerms(index);
        assertEquals(expected(entries), spell);
        assertEquals(2, spell.get("testby"), "a title word and a body word on two pages");
        assertEquals(2, spell.get("og"), "stop words are kept");
        assertEquals(1, spell.get("pårørendesenteret"), "compounds are not split here");

        IndexEntry changed = page("c", "Legevakta", "Ring legevakta ved akutt behov, også for pårørende.");
        new SearchIndexer().update(List.of(changed), index);
        assertEquals(expected(List.of(entries.get(0), entries.get(1), changed)), spellTerms(index));
    }
}
