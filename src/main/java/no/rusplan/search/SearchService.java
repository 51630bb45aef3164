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
import no.rusplan.analysis.NorwegianAnalysis;
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
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
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
    /** Most index terms one misspelt term may expand to. */
    public static final int MAX_FUZZY_EXPANSIONS = 20;
    private static final List<String> FACET_DIMENSIONS =
            List.of(IndexFields.TYPE, IndexFields.MUNICIPALITY, IndexFields.AUDIENCE);

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final FacetsConfig facetsConfig = IndexFields.facetsConfig();
    private final Analyzer analyzer = NorwegianAnalysis.perField(IndexFields.TITLE_EXACT, IndexFields.SPELL);
    private final UnifiedHighlighter highlighter;
    private final DirectSpellChecker spellChecker = new DirectSpellChecker();
    /** Every page's title, for autocomplete (a few hundred on a municipality's site). */
    private final List<Suggestion> titles;
    private final Map<String, Map<String, String>> labels;

    private SearchService(Directory directory, Map<String, Map<String, String>> labels) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.facetState = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
        this.highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(100_000)
                .withHandleMultiTermQuery(true)
                .build();
        this.labels = labels;
        List<Suggestion> all = new ArrayList<>();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            Document d = searcher.storedFields().document(doc);
            all.add(new Suggestion(d.get(IndexFields.TITLE), d.get(IndexFields.URL), d.get(IndexFields.TYPE)));
        }
        this.titles = List.copyOf(all);
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

    /** Most autocomplete entries one answer holds. */
    public static final int MAX_SUGGESTIONS = 8;

    /**
     * Titles that begin with what was typed, then titles with a word that does, names and
     * glossary terms before chapters and measures; case-insensitive, the last word as a prefix.
     */
    public List<Suggestion> suggest(String typed) {
        String prefix = typed.strip().toLowerCase(java.util.Locale.ROOT);
        if (prefix.isEmpty()) {
            return List.of();
        }
        java.util.Comparator<Suggestion> order = java.util.Comparator
                .comparing((Suggestion s) -> !s.title().toLowerCase(java.util.Locale.ROOT).startsWith(prefix))
                .thenComparing(s -> !List.of("service", "program", "term", "municipality").contains(s.type()))
                .thenComparing(Suggestion::title);
        return titles.stream()
                .filter(s -> {
                    String title = s.title().toLowerCase(java.util.Locale.ROOT);
                    return title.startsWith(prefix) || title.contains(" " + prefix) || title.contains("(" + prefix);
                })
                .sorted(order).limit(MAX_SUGGESTIONS).toList();
    }

    public SearchResult search(SearchRequest request) throws IOException {
        List<String> terms = analyze(IndexFields.BODY, request.query());
        List<String> words = analyze(IndexFields.TITLE_EXACT, request.query());
        if (terms.isEmpty() && words.isEmpty()) {
            return new SearchResult(request.query(), 0, request.limit(), request.offset(), List.of(), Map.of(), "");
        }
        Query query = withExactTitle(terms.isEmpty() ? null : textQuery(terms, words), words);
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
        long total = result.hits.totalHits.value;
        return new SearchResult(request.query(), total, request.limit(), request.offset(),
                hits, facets(result.facets), suggestion(words));
    }

    /** Fields a query term is looked for in, with their weights. */
    private static final Map<String, Float> FIELDS = Map.of(IndexFields.TITLE, 4f, IndexFields.HEADINGS, 2f,
            IndexFields.MUNICIPALITY_NAME, 1.5f, IndexFields.SYNONYMS, 1f, IndexFields.BODY, 1f);

    /**
     * Every term (or joined pair) must match somewhere, most of them for long queries. Two
     * neighbouring terms that the index knows as one word ("familievern kontor") also match
     * that word, and a term the index does not know at all is matched with typos forgiven.
     */
    private Query textQuery(List<String> terms, List<String> words) throws IOException {
        List<Query> units = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            List<String> own = analyze(IndexFields.BODY, words.get(i));
            Query unit = own.isEmpty() ? null : termQuery(own.get(0));
            if (i + 1 < words.size()) {
                List<String> joined = analyze(IndexFields.BODY, words.get(i) + words.get(i + 1));
                if (joined.size() == 1 && known(joined.get(0))) {
                    BooleanQuery.Builder both = new BooleanQuery.Builder();
                    for (String t : analyze(IndexFields.BODY, words.get(i) + " " + words.get(i + 1))) {
                        both.add(termQuery(t), BooleanClause.Occur.MUST);
                    }
                    unit = new BooleanQuery.Builder()
                            .add(termQuery(joined.get(0)), BooleanClause.Occur.SHOULD)
                            .add(both.build(), BooleanClause.Occur.SHOULD)
                            .build();
                    i++;
                }
            }
            if (unit != null) {
                units.add(unit);
            }
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        units.forEach(u -> all.add(u, BooleanClause.Occur.SHOULD));
        int n = units.size();
        all.setMinimumNumberShouldMatch(n <= 2 ? n : (int) Math.ceil(n * 0.75));
        if (terms.size() == 1) {
            return all.build();
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(3);
        terms.forEach(t -> phrase.add(new Term(IndexFields.BODY, t)));
        return new BooleanQuery.Builder()
                .add(all.build(), BooleanClause.Occur.MUST)
                .add(new BoostQuery(phrase.build(), 2f), BooleanClause.Occur.SHOULD)
                .build();
    }

    /** One term in every text field; fuzzy (1 edit from 4 letters, 2 from 8) if the index lacks it. */
    private Query termQuery(String term) throws IOException {
        int edits = known(term) ? 0 : term.length() >= 8 ? 2 : term.length() >= 4 ? 1 : 0;
        List<Query> alternatives = new ArrayList<>();
        for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
            Term t = new Term(field.getKey(), term);
            Query q = edits == 0 ? new TermQuery(t) : new FuzzyQuery(t, edits, 1, MAX_FUZZY_EXPANSIONS, true);
            alternatives.add(field.getValue() == 1f ? q : new BoostQuery(q, field.getValue()));
        }
        return new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    /**
     * "Mente du …?": the query with each word the site does not contain replaced by its closest
     * word, or "" when every word is the site's own (typo-tolerant matching may already have found
     * pages; the suggestion shows the reader what was matched).
     */
    private String suggestion(List<String> words) throws IOException {
        List<String> suggested = new ArrayList<>();
        boolean changed = false;
        for (String word : words) {
            Term term = new Term(IndexFields.SPELL, word);
            if (word.length() >= 4 && reader.docFreq(term) == 0) {
                SuggestWord[] best = spellChecker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (best.length > 0) {
                    suggested.add(best[0].string);
                    changed = true;
                    continue;
                }
            }
            suggested.add(word);
        }
        return changed ? String.join(" ", suggested) : "";
    }

    private boolean known(String term) throws IOException {
        for (String field : FIELDS.keySet()) {
            if (reader.docFreq(new Term(field, term)) > 0) {
                return true;
            }
        }
        return false;
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
