package no.rusplan.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The text analysis shared by indexing and querying, so both agree on terms:
 * standard tokenizing, lower case (æ, ø and å stay letters of their own: "får" is not "far"),
 * a curated stop list ({@code stopwords.txt}, which keeps names such as "MOT"), at index time
 * compound splitting ({@link CompoundSplitter}), stem overrides for words the stemmer gets
 * wrong ({@code stem-overrides.txt}), and light stemming for bokmål and nynorsk together
 * ("tjenestene" and "tenestene" lose their endings the same way). Exact title words
 * ({@code titleExact}) are only tokenized and lower-cased. Query-time synonyms are in
 * {@link SynonymTable}. All word lists are data files beside this class.
 */
public final class NorwegianAnalysis {
    private static final CharArraySet STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(readStopWords(), false));
    private static final StemmerOverrideFilter.StemmerOverrideMap STEM_OVERRIDES = readStemOverrides();
    private static final Analyzer WORDS = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    private static final Analyzer QUERY_TEXT = text();

    private NorwegianAnalysis() {
    }

    /** Stop words from the data file (one per line, {@code #} comments). */
    public static List<String> readStopWords() {
        return AnalysisData.lines("stopwords.txt");
    }

    private static StemmerOverrideFilter.StemmerOverrideMap readStemOverrides() {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        for (String line : AnalysisData.lines("stem-overrides.txt")) {
            String[] wordAndStem = line.split("\\s+");
            if (wordAndStem.length != 2) {
                throw new IllegalStateException("stem-overrides.txt: expected 'word stem', got '" + line + "'");
            }
            builder.add(wordAndStem[0], wordAndStem[1]);
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Analysis of running text for queries: every text field is searched with it. */
    public static Analyzer text() {
        return text(null);
    }

    /**
     * Analysis of running text for the index: as {@link #text()}, and compounds also give their
     * parts ({@code splitter}; null for none), so the parts find the whole word.
     */
    public static Analyzer text(CompoundSplitter splitter) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new StopFilter(stream, STOP_WORDS);
                if (splitter != null) {
                    stream = new CompoundSplitFilter(stream, splitter);
                }
                stream = new StemmerOverrideFilter(stream, STEM_OVERRIDES);
                stream = new NorwegianLightStemFilter(stream, NorwegianLightStemmer.BOKMAAL | NorwegianLightStemmer.NYNORSK);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** Per-field analysis: {@code text} everywhere, plain lower-cased words for {@code wordFields}. */
    public static Analyzer perField(Analyzer text, String... wordFields) {
        Map<String, Analyzer> words = new java.util.HashMap<>();
        for (String field : wordFields) {
            words.put(field, WORDS);
        }
        return new PerFieldAnalyzerWrapper(text, words);
    }

    /** The lower-cased words of {@code text}, stop words included, nothing stemmed or split. */
    public static List<String> words(String text) {
        return tokens(WORDS, text);
    }

    /** The terms a query for {@code text} looks for: stems, stop words left out, nothing split. */
    public static List<String> terms(String text) {
        return tokens(QUERY_TEXT, text);
    }

    /** Each word of {@code text} with its lower-cased word form, for word counts and surface forms. */
    public static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new java.util.ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String does no I/O
        }
        return tokens;
    }
}
