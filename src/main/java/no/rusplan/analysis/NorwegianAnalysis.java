package no.rusplan.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The text analysis shared by indexing and querying, so both agree on terms:
 * standard tokenizing, lower case (æ, ø and å stay letters of their own: "får" is not "far"),
 * a curated stop list ({@code stopwords.txt}, which keeps names such as "MOT"), and light
 * stemming for bokmål and nynorsk together ("tjenestene" and "tenestene" lose their endings
 * the same way). Exact title words ({@code titleExact}) are only tokenized and lower-cased.
 */
public final class NorwegianAnalysis {
    private static final CharArraySet STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(readStopWords(), false));

    private NorwegianAnalysis() {
    }

    /** Stop words from the data file (one per line, {@code #} comments). */
    public static List<String> readStopWords() {
        try (InputStream in = NorwegianAnalysis.class.getResourceAsStream("stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("stopwords.txt missing from the classpath");
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(w -> !w.isEmpty() && !w.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Analysis of running text: what the index and queries use for every text field. */
    public static Analyzer text() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new StopFilter(stream, STOP_WORDS);
                stream = new NorwegianLightStemFilter(stream, NorwegianLightStemmer.BOKMAAL | NorwegianLightStemmer.NYNORSK);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** Per-field analysis: {@link #text()} everywhere, plain lower-cased words for {@code wordFields}. */
    public static Analyzer perField(String... wordFields) {
        Map<String, Analyzer> words = new java.util.HashMap<>();
        for (String field : wordFields) {
            words.put(field, new StandardAnalyzer(CharArraySet.EMPTY_SET));
        }
        return new PerFieldAnalyzerWrapper(text(), words);
    }
}
