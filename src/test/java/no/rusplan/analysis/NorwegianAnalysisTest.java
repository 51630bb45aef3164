package no.rusplan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The analysis chain pinned token by token. */
class NorwegianAnalysisTest {
    private final Analyzer text = NorwegianAnalysis.text();

    private List<String> tokens(String input) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = text.tokenStream("body", input)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    @Test
    void keepsNorwegianLettersApart() throws IOException {
        assertEquals(List.of("får", "far"), tokens("får far"));
        assertEquals(List.of("pårør", "pårør"), tokens("Pårørende pårørendes"));
        assertEquals(List.of("ørst", "ærlig"), tokens("Ørsta ærlig"));
    }

    @Test
    void stemsBokmaalAndNynorskFormsTogether() throws IOException {
        assertEquals(List.of("tjenest", "tjenest"), tokens("tjenesten tjenestene"));
        assertEquals(List.of("barnehag", "barnehag"), tokens("barnehage barnehagen"));
        assertEquals(List.of("skul", "skul"), tokens("skulen skular"));
        assertEquals(List.of("rusmiddelavhengig"), tokens("rusmiddelavhengige"));
    }

    @Test
    void dropsFunctionWordsButKeepsNamesAndAbbreviations() throws IOException {
        assertEquals(List.of("ansv", "skjenkekontroll"), tokens("hvem har ansvar for skjenkekontroll"));
        assertEquals(List.of("aa", "mot", "lar", "ip", "ot"), tokens("AA MOT LAR IP OT"));
        assertEquals(List.of(), tokens("av og til"), "only stop words: the exact-title field finds such names");
    }

    @Test
    void stopListIsDataWithoutTheProtectedNames() {
        List<String> stop = NorwegianAnalysis.readStopWords();
        assertTrue(stop.contains("og") && stop.contains("ikkje"), "bokmål and nynorsk function words");
        assertFalse(stop.contains("mot"));
    }
}
