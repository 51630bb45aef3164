package no.rusplan.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.rusplan.index.Analysis;
import no.rusplan.index.IndexFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Answers {@link SearchRequest}s from the index a build wrote. Thread-safe; open once per
 * server. Queries are built from analysed terms only (no query-parser syntax), every term must
 * match somewhere (most of them for long queries), title and headings weigh more than body
 * text, and terms standing together as in the query weigh more still.
 */
public final class SearchService implements AutoCloseable {
    /** Most terms one query may have; the rest of a long query is ignored. */
    public static final int MAX_TERMS = 12;
    private static final List<String> FACET_DIMENSIONS =
            List.of(IndexFields.TYPE, IndexFields.MUNICIPALITY, IndexFields.AUDIENCE);

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final FacetsConfig facetsConfig = IndexFields.facetsConfig();
    private final Analyzer analyzer = Analysis.analyzer();
    private final UnifiedHighlighter highlighter;
    private final Map<String, Map<String, String>> labels;

    private SearchService(Directory directory, Map<String, Map<String, String>> labels) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.facetState = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
        this.highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(100_000)
                .build();
        this.labels = labels;
    }

    /** Opens the index a build wrote to {@code indexDir}. */
    public static SearchService open(Path indexDir) throws IOException {
        if (!Files.isRegularFile(indexDir.resolve(IndexFields.LABELS_FILE))) {
            throw new IOException("No search index in " + indexDir + ": run the build first");
        }
        Map<String, Map<String, String>> labels = new ObjectMapper().readValue(
                indexDir.resolve(IndexFields.LABELS_FILE).toFile(), new TypeReference<>() { });
        return new SearchService(FSDirectory.open(indexDir), labels);
    }

    public int documentCount() {
        return reader.numDocs();
    }

    public SearchResult search(SearchRequest request) throws IOException {
        List<String> terms = analyze(IndexFields.BODY, request.query());
        List<String> words = analyze(IndexFields.TITLE_EXACT, request.query());
        if (terms.isEmpty() && words.isEmpty()) {
            return new SearchResult(request.query(), 0, request.limit(), request.offset(), List.of(), Map.of());
        }
        Query query = withExactTitle(terms.isEmpty() ? null : textQuery(terms), words);
        DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, query);
        if (!request.type().isEmpty()) {
            drillDown.add(IndexFields.TYPE, request.type());
        }
        if (!request.municipality().isEmpty()) {
            drillDown.add(IndexFields.MUNICIPALITY, request.municipality());
        }
        DrillSideways.DrillSidewaysResult result = new DrillSideways(searcher, facetsConfig, facetState)
                .search(drillDown, request.offset() + request.limit());
        ScoreDoc[] page = Arrays.copyOfRange(result.hits.scoreDocs,
                Math.min(request.offset(), result.hits.scoreDocs.length), result.hits.scoreDocs.length);
        String[] snippets = highlighter.highlight(IndexFields.BODY, query,
                new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page), 2);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            Document doc = searcher.storedFields().document(page[i].doc);
            hits.add(new SearchHit(doc.get(IndexFields.TITLE), doc.get(IndexFields.URL), doc.get(IndexFields.TYPE),
                    snippets[i] == null ? "" : snippets[i],
                    Arrays.stream(doc.getFields(IndexFields.MUNICIPALITY_NAME)).map(IndexableField::stringValue).toList()));
        }
        return new SearchResult(request.query(), result.hits.totalHits.value, request.limit(), request.offset(),
                hits, facets(result.facets));
    }

    private Query textQuery(List<String> terms) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : terms) {
            all.add(new DisjunctionMaxQuery(List.of(
                    new BoostQuery(new TermQuery(new Term(IndexFields.TITLE, term)), 4f),
                    new BoostQuery(new TermQuery(new Term(IndexFields.HEADINGS, term)), 2f),
                    new BoostQuery(new TermQuery(new Term(IndexFields.MUNICIPALITY_NAME, term)), 1.5f),
                    new TermQuery(new Term(IndexFields.SYNONYMS, term)),
                    new TermQuery(new Term(IndexFields.BODY, term))), 0.1f), BooleanClause.Occur.SHOULD);
        }
        int n = terms.size();
        all.setMinimumNumberShouldMatch(n <= 2 ? n : (int) Math.ceil(n * 0.75));
        if (n == 1) {
            return all.build();
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(3);
        terms.forEach(t -> phrase.add(new Term(IndexFields.BODY, t)));
        return new BooleanQuery.Builder()
                .add(all.build(), BooleanClause.Occur.MUST)
                .add(new BoostQuery(phrase.build(), 2f), BooleanClause.Occur.SHOULD)
                .build();
    }

    /**
     * A page whose title is the query, word for word, ranks first; a query of stop words only
     * ("Av og til") is matched on exact title words alone.
     */
    private static Query withExactTitle(Query text, List<String> words) {
        if (words.isEmpty()) {
            return text;
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        words.forEach(w -> phrase.add(new Term(IndexFields.TITLE_EXACT, w)));
        Query exact = new BoostQuery(phrase.build(), 5f);
        if (text == null) {
            return exact;
        }
        return new BooleanQuery.Builder()
                .add(text, BooleanClause.Occur.MUST)
                .add(exact, BooleanClause.Occur.SHOULD)
                .build();
    }

    private List<String> analyze(String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_TERMS) {
                if (!terms.contains(term.toString())) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        }
        return terms;
    }

    private Map<String, List<FacetValue>> facets(Facets facets) throws IOException {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        for (String dimension : FACET_DIMENSIONS) {
            List<FacetValue> values = new ArrayList<>();
            FacetResult result = facetsOrNull(facets, dimension);
            if (result != null) {
                Map<String, String> dimensionLabels = labels.getOrDefault(dimension, Map.of());
                for (LabelAndValue lv : result.labelValues) {
                    values.add(new FacetValue(lv.label, dimensionLabels.getOrDefault(lv.label, lv.label),
                            lv.value.intValue()));
                }
            }
            out.put(dimension, values);
        }
        return out;
    }

    /** Sorted-set facets throw for a dimension no document has; that is simply "no values". */
    private static FacetResult facetsOrNull(Facets facets, String dimension) throws IOException {
        try {
            return facets.getTopChildren(200, dimension);
        } catch (IllegalArgumentException noSuchDimension) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
