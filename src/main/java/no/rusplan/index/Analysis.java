package no.rusplan.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The text analysis used both to index and to query, so both agree. A starting point:
 * Lucene's Norwegian analyzer (bokmål stemming), with a stop list that keeps words which are
 * names here ("MOT" is a prevention program, not the preposition).
 */
public final class Analysis {
    /** Stop words that are names on this site: MOT is a prevention program. */
    private static final java.util.Set<String> KEPT = java.util.Set.of("mot");
    private static final CharArraySet STOP_WORDS;

    static {
        CharArraySet stop = new CharArraySet(NorwegianAnalyzer.getDefaultStopSet().size(), true);
        for (Object word : NorwegianAnalyzer.getDefaultStopSet()) {
            String text = new String((char[]) word);
            if (!KEPT.contains(text)) {
                stop.add(text);
            }
        }
        STOP_WORDS = CharArraySet.unmodifiableSet(stop);
    }

    private Analysis() {
    }

    /** Norwegian analysis for every field, except exact title words (see {@link IndexFields#TITLE_EXACT}). */
    public static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new NorwegianAnalyzer(STOP_WORDS),
                Map.of(IndexFields.TITLE_EXACT, new StandardAnalyzer(CharArraySet.EMPTY_SET)));
    }
}
