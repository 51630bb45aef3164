package no.rusplan.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.rusplan.analysis.NorwegianAnalysis;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words of a site's pages as the spell field holds them ({@link NorwegianAnalysis#words}:
 * lower-cased, stop words kept, nothing stemmed or split): each page's distinct words, and how
 * often each word stands in all pages (the corpus half of the compound dictionary). Each page's
 * title and text is analysed once for both. The spell field is indexed as documents only, so a
 * page's distinct words give it the same terms and postings as its whole text would.
 */
final class SiteWords {
    private final List<String[]> ofEntries;
    private final Map<String, Integer> counts;

    private SiteWords(List<String[]> ofEntries, Map<String, Integer> counts) {
        this.ofEntries = ofEntries;
        this.counts = counts;
    }

    static SiteWords of(List<IndexEntry> entries) {
        List<Map<String, Integer>> pages = entries.parallelStream().map(SiteWords::counted).toList();
        Map<String, Integer> counts = new HashMap<>();
        List<String[]> words = new ArrayList<>(pages.size());
        for (Map<String, Integer> page : pages) {
            page.forEach((word, count) -> counts.merge(word, count, Integer::sum));
            words.add(page.keySet().toArray(String[]::new));
        }
        return new SiteWords(words, counts);
    }

    /** The distinct words of one entry's title and text. */
    static String[] distinct(IndexEntry entry) {
        return counted(entry).keySet().toArray(String[]::new);
    }

    private static Map<String, Integer> counted(IndexEntry entry) {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : NorwegianAnalysis.words(entry.title() + " \n" + entry.body())) {
            counts.merge(word, 1, Integer::sum);
        }
        return counts;
    }

    /** Each entry's distinct words, in the entries' order. */
    List<String[]> ofEntries() {
        return ofEntries;
    }

    /** How often each word stands in all entries' titles and text. */
    Map<String, Integer> counts() {
        return counts;
    }

    /** Words as a token stream, for a field indexed without positions, offsets or norms. */
    static final class Stream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final String[] words;
        private int next;

        Stream(String[] words) {
            this.words = words;
        }

        @Override
        public boolean incrementToken() {
            if (next == words.length) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(words[next++]);
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
