package no.rusplan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.Test;

/** The analysis chain pinned token by token. */
class NorwegianAnalysisTest {
    private final Analyzer text = NorwegianAnalysis.text();

    private final Analyzer indexing = NorwegianAnalysis.text(new CompoundSplitter(
            List.of("pårørende", "senter", "rus", "middel", "rusmiddel", "avhengige", "ungdom", "skole", "familievern",
                    "kontor", "lav", "terskel", "skjenke", "kontroll", "over", "halla"),
            List.of("overhalla")));

    private List<String> tokens(String input) throws IOException {
        return tokens(text, input);
    }

    private static List<String> tokens(Analyzer analyzer, String input) {
        return NorwegianAnalysis.tokens(analyzer, input);
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
        assertEquals(List.of("ansvar", "skjenkekontroll"), tokens("hvem har ansvar for skjenkekontroll"));
        assertEquals(List.of("aa", "mot", "lar", "ip", "ot"), tokens("AA MOT LAR IP OT"));
        assertEquals(List.of(), tokens("av og til"), "only stop words: the exact-title field finds such names");
    }

    @Test
    void stemOverridesJoinWordsTheLightStemmerTearsApart() throws IOException {
        assertEquals(List.of("ansvar", "ansvar", "ansvar"), tokens("ansvar ansvaret ansvarlig"));
        assertEquals(List.of("senter", "senter"), tokens("senter sentre"));
    }

    @Test
    void indexingSplitsCompoundsIntoKnownWordsAtTheSamePosition() throws IOException {
        assertEquals(List.of("pårørendesent", "pårør", "senter"), tokens(indexing, "pårørendesenter"));
        assertEquals(List.of("rusmiddelavhengig", "rusmiddel", "avhengig", "rus", "middel"),
                tokens(indexing, "rusmiddelavhengige"));
        assertEquals(List.of("ungdomsskol", "ung", "skol"), tokens(indexing, "ungdomsskole"), "linking s; the stemmer takes -dom");
        assertEquals(List.of("familievernkontor", "familiever", "kontor"), tokens(indexing, "familievernkontoret"),
                "an inflected last part; the stemmer reads -n in \"familievern\" as an ending, queries alike");
        assertEquals(List.of("lavterskeltilbud"), tokens(indexing, "lavterskeltilbud"), "'tilbud' is not in this dictionary");
        assertEquals(List.of("overhall"), tokens(indexing, "Overhalla"), "place names are never split");
        assertEquals(List.of("russ"), tokens(indexing, "russ"), "too short to hold two parts");
        assertEquals(List.of("pårørendesent"), tokens("pårørendesenter"), "queries are not split");
    }

    @Test
    void splitPartsShareTheWholeWordsPositionAndOffsets() throws IOException {
        try (TokenStream stream = indexing.tokenStream("body", "ny pårørendesenter")) {
            var position = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            var offset = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            stream.reset();
            List<String> seen = new ArrayList<>();
            while (stream.incrementToken()) {
                seen.add(position.getPositionIncrement() + ":" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
            assertEquals(List.of("1:0-2", "1:3-18", "0:3-18", "0:3-18"), seen);
        }
    }

    @Test
    void synonymsMatchTheLongestPhraseAndReadBothWays() {
        SynonymTable table = SynonymTable.parse("""
                # comment
                ARP, avdeling for rusrelatert psykiatri
                skole, skule
                """);
        SynonymTable.Match arp = table.matchAt(NorwegianAnalysis.terms("ARP Levanger"), 0);
        assertEquals(1, arp.length());
        assertEquals(List.of(List.of("avdeling", "rusrelatert", "psykiatri")), arp.alternatives(), "terms, not words");
        SynonymTable.Match expansion = table.matchAt(NorwegianAnalysis.terms("avdelingen for rusrelatert psykiatri, Namsos"), 0);
        assertEquals(3, expansion.length(), "inflected and without the stop word");
        assertEquals(List.of(List.of("arp")), expansion.alternatives());
        assertEquals(List.of(List.of("skul")), table.matchAt(NorwegianAnalysis.terms("skolen"), 0).alternatives());
        assertEquals(null, table.matchAt(NorwegianAnalysis.terms("avdeling"), 0), "a part of a phrase is no match");
        assertEquals(table.format(), SynonymTable.parse(table.format()).format(), "the file format reads back");
    }

    @Test
    void handKeptSynonymsAndGlossaryPairsAreOneTable() {
        SynonymTable table = SynonymTable.withGlossary(java.util.Map.of("LAR", "legemiddelassistert rehabilitering",
                "ROA", "Respekt, Omsorg, Ansvar"));
        assertEquals(null, SynonymTable.parse(table.format()).matchAt(List.of("ansvar"), 0),
                "a comma inside an expansion does not make its words synonyms");
        assertEquals(List.of(List.of("roa")), table.matchAt(NorwegianAnalysis.terms("respekt omsorg ansvar"), 0).alternatives());
        assertEquals(List.of(NorwegianAnalysis.terms("legemiddelassistert rehabilitering")),
                table.matchAt(List.of("lar"), 0).alternatives());
        assertTrue(table.matchAt(List.of("skul"), 0).alternatives().contains(List.of("skol")), "bokmål ↔ nynorsk");
    }

    @Test
    void stopListIsDataWithoutTheProtectedNames() {
        List<String> stop = NorwegianAnalysis.readStopWords();
        assertTrue(stop.contains("og") && stop.contains("ikkje"), "bokmål and nynorsk function words");
        assertFalse(stop.contains("mot"));
    }
}
