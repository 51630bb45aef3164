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
import no.rusplan.analysis.SynonymTable;
import no.rusplan.index.IndexFields;
import no.rusplan.index.Ranking;
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
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
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
    /**
     * How far into a page the highlighter looks for snippet passages. Highlighting prefix and
     * fuzzy matches means analysing the text again, which was most of a query's time on long
     * chapters (measured with the load benchmark); the sub-results cover the rest of the page.
     */
    static final int MAX_HIGHLIGHTED_CHARS = 10_000;
    /** About how long one snippet passage is, in characters. */
    public static final int SNIPPET_LENGTH = 160;
    /** Most terms one query may have; the rest of a long query is ignored. */
    public static final int MAX_TERMS = 12;
    /** The stored fields a hit shows (not the body: the snippet is cut from it by the highlighter). */
    private static final java.util.Set<String> HIT_FIELDS = java.util.Set.of(IndexFields.TITLE, IndexFields.URL,
            IndexFields.TYPE, IndexFields.MUNICIPALITY_NAME);
    private static final java.util.Set<String> SECTION_FIELDS = java.util.Set.of(IndexFields.TITLE, IndexFields.PARENT,
            IndexFields.ANCHOR);
    private static final List<String> FACET_DIMENSIONS =
            List.of(IndexFields.TYPE, IndexFields.MUNICIPALITY, IndexFields.AUDIENCE);

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Directory sectionsDirectory;
    private final DirectoryReader sectionsReader;
    private final IndexSearcher sectionsSearcher;
    private final UnifiedHighlighter sectionsHighlighter;
    private final SortedSetDocValuesReaderState facetState;
    private final FacetsConfig facetsConfig = IndexFields.facetsConfig();
    private final Analyzer analyzer = NorwegianAnalysis.perField(NorwegianAnalysis.text(),
            IndexFields.TITLE_EXACT, IndexFields.SPELL);
    private final SynonymTable synonyms;
    private final UnifiedHighlighter highlighter;
    private final DirectSpellChecker spellChecker = new DirectSpellChecker();
    /** Every page's title, for autocomplete (a few hundred on a municipality's site). */
    private final List<Suggestion> titles;
    private final Map<String, Map<String, String>> labels;
    private final RecentAnswers recent;
    /**
     * At most one search per core at a time; the rest wait their turn. With 64 searches at once
     * on two cores each took several times as long (load benchmark): they contend for Lucene's
     * shared state and the CPU caches instead of finishing.
     */
    private final java.util.concurrent.Semaphore searching =
            new java.util.concurrent.Semaphore(Runtime.getRuntime().availableProcessors(), true);

    private SearchService(Directory directory, Directory sectionsDirectory, Map<String, Map<String, String>> labels,
                          SynonymTable synonyms, int keptAnswers) throws IOException {
        this.synonyms = synonyms;
        this.recent = new RecentAnswers(keptAnswers);
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.sectionsDirectory = sectionsDirectory;
        this.sectionsReader = DirectoryReader.open(sectionsDirectory);
        this.sectionsSearcher = new IndexSearcher(sectionsReader);
        this.facetState = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
        this.highlighter = highlighter(searcher);
        this.sectionsHighlighter = highlighter(sectionsSearcher);
        this.labels = labels;
        this.titles = titles(reader);
    }

    private static final java.util.Set<String> SUGGESTION_FIELDS = java.util.Set.of(IndexFields.TITLE, IndexFields.URL,
            IndexFields.TYPE);

    /**
     * Every live page's title, address and type, in index order, for autocomplete: read once per
     * opened index (and so after every {@code serve --watch} rebuild) from a doc value: opening the
     * 5,000-page corpus's index took 20-38 ms instead of 60-110 ms. Stored fields decompress every
     * stored body beside them (65-80 ms with the reader Lucene merges with, 260-460 ms with the
     * random-access one); an
     * index written before the doc value existed is still read that way. Pages replaced by a
     * rebuild are deleted documents, left out.
     */
    private static List<Suggestion> titles(DirectoryReader reader) throws IOException {
        List<Suggestion> all = new ArrayList<>();
        for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
            org.apache.lucene.index.FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(IndexFields.SUGGESTION);
            boolean docValues = info != null && info.getDocValuesType() == org.apache.lucene.index.DocValuesType.BINARY;
            all.addAll(docValues ? titlesFromDocValues(leaf.reader()) : titlesFromStoredFields(leaf.reader()));
        }
        return List.copyOf(all);
    }

    /** The live pages' suggestions from the doc value, in index order. */
    static List<Suggestion> titlesFromDocValues(org.apache.lucene.index.LeafReader leaf) throws IOException {
        List<Suggestion> all = new ArrayList<>();
        org.apache.lucene.util.Bits live = leaf.getLiveDocs();
        org.apache.lucene.index.BinaryDocValues values = leaf.getBinaryDocValues(IndexFields.SUGGESTION);
        String separator = String.valueOf(IndexFields.SUGGESTION_SEPARATOR);
        for (int doc = values.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            if (live == null || live.get(doc)) {
                String[] parts = values.binaryValue().utf8ToString().split(separator, -1);
                all.add(new Suggestion(parts[0], parts[1], parts[2]));
            }
        }
        return all;
    }

    /** The live pages' suggestions from their stored fields, in index order (an index without the doc value). */
    static List<Suggestion> titlesFromStoredFields(org.apache.lucene.index.LeafReader leaf) throws IOException {
        List<Suggestion> all = new ArrayList<>();
        org.apache.lucene.util.Bits live = leaf.getLiveDocs();
        org.apache.lucene.index.StoredFields fields = leaf instanceof org.apache.lucene.index.CodecReader codec
                ? codec.getFieldsReader().getMergeInstance() : leaf.storedFields();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
            if (live == null || live.get(doc)) {
                Document d = fields.document(doc, SUGGESTION_FIELDS);
                all.add(new Suggestion(d.get(IndexFields.TITLE), d.get(IndexFields.URL), d.get(IndexFields.TYPE)));
            }
        }
        return all;
    }

    /**
     * Snippets: passages of about SNIPPET_LENGTH characters cut at word boundaries (plan tables
     * have no sentence ends, and a sentence break would give the whole page), escaped, matches
     * (prefix and fuzzy ones too) in {@code <mark>}.
     */
    private UnifiedHighlighter highlighter(IndexSearcher over) {
        return UnifiedHighlighter.builder(over, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(MAX_HIGHLIGHTED_CHARS)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        java.text.BreakIterator.getWordInstance(new java.util.Locale("nb")), SNIPPET_LENGTH, 0.5f))
                .withHandleMultiTermQuery(true)
                .build();
    }

    /**
     * How many answers a service keeps by default: at about 5 kB each (ten hits with snippets and
     * sub-results), a few megabytes.
     */
    public static final int DEFAULT_KEPT_ANSWERS = 1000;

    /** Opens the index a build wrote to {@code indexDir}, keeping {@value #DEFAULT_KEPT_ANSWERS} recent answers. */
    public static SearchService open(Path indexDir) throws IOException {
        return open(indexDir, DEFAULT_KEPT_ANSWERS);
    }

    /**
     * Opens the index a build wrote to {@code indexDir}.
     *
     * @param keptAnswers how many recent answers to keep and give again without searching (0: none)
     */
    public static SearchService open(Path indexDir, int keptAnswers) throws IOException {
        if (!Files.isRegularFile(indexDir.resolve(IndexFields.LABELS_FILE))) {
            throw new IOException("No search index in " + indexDir + ": run the build first");
        }
        Map<String, Map<String, String>> labels = new ObjectMapper().readValue(
                indexDir.resolve(IndexFields.LABELS_FILE).toFile(), new TypeReference<>() { });
        SynonymTable synonyms = SynonymTable.parse(Files.readString(indexDir.resolve(IndexFields.SYNONYMS_FILE)));
        return new SearchService(FSDirectory.open(indexDir), FSDirectory.open(indexDir.resolve(IndexFields.SECTIONS_DIR)),
                labels, synonyms, keptAnswers);
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

    /** Most sub-results (matching sections) one hit carries. */
    public static final int MAX_SECTIONS = 3;

    /**
     * The answer to {@code request}: the one given before if it is among the recent answers kept,
     * else a new search.
     */
    public SearchResult search(SearchRequest request) throws IOException {
        SearchResult answer = recent.get(request);
        if (answer == null) {
            searching.acquireUninterruptibly();
            try {
                answer = answer(request);
            } finally {
                searching.release();
            }
            recent.put(request, answer);
        }
        return answer;
    }

    private SearchResult answer(SearchRequest request) throws IOException {
        List<String> terms = analyze(IndexFields.BODY, request.query());
        List<String> words = analyze(IndexFields.TITLE_EXACT, request.query());
        if (terms.isEmpty() && words.isEmpty()) {
            return new SearchResult(request.query(), 0, request.limit(), request.offset(), List.of(), Map.of(), "", false);
        }
        List<Unit> units = units(words);
        if (units.stream().allMatch(Unit::common)) {
            units = units.stream().map(u -> new Unit(u.query(), false)).toList();
        }
        long counted = units.stream().filter(u -> !u.common()).count();
        int most = Ranking.mustMatch((int) counted);
        SearchResult strict = search(request, units, terms, words, most, false);
        if (strict.total() > 0 || counted < 2) {
            return strict;
        }
        return search(request, units, terms, words, Ranking.mustMatchPartial((int) counted), true);
    }

    /**
     * The query for one word (or joined pair, or synonym phrase) of what was typed; a
     * {@code common} one (a single word on more than {@link Ranking#COMMON_SHARE} of the pages, such as
     * "hjelp" or "rus" here) adds to the score but is not required.
     */
    private record Unit(Query query, boolean common) {
    }


    /**
     * The search with at least {@code mustMatch} of the query's units matching; {@code partial}
     * when that is fewer than a page should have (no page had enough of the words).
     */
    private SearchResult search(SearchRequest request, List<Unit> units, List<String> terms, List<String> words,
                                int mustMatch, boolean partial) throws IOException {
        Query text = withExactTitle(units.isEmpty() ? null : textQuery(units, terms, mustMatch), words);
        Query ranked = FunctionScoreQuery.boostByValue(text, DoubleValuesSource.fromDoubleField(IndexFields.TYPE_WEIGHT));
        DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, ranked);
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
        String[] snippets = snippets(highlighter, searcher, text, page);
        List<Document> docs = new ArrayList<>();
        for (ScoreDoc hit : page) {
            docs.add(searcher.storedFields().document(hit.doc, HIT_FIELDS));
        }
        Map<String, List<SearchHit.SubResult>> sections = sections(docs.stream().map(d -> d.get(IndexFields.URL)).toList(),
                units, text);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            Document doc = docs.get(i);
            String url = doc.get(IndexFields.URL);
            hits.add(new SearchHit(doc.get(IndexFields.TITLE), url, doc.get(IndexFields.TYPE),
                    snippets[i] == null ? "" : snippets[i],
                    Arrays.stream(doc.getFields(IndexFields.MUNICIPALITY_NAME)).map(IndexableField::stringValue).toList(),
                    sections.getOrDefault(url, List.of())));
        }
        long total = result.hits.totalHits.value;
        return new SearchResult(request.query(), total, request.limit(), request.offset(),
                hits, facets(result.facets), suggestion(words), partial);
    }

    /**
     * Snippets for {@code docs}, marking what {@code text} matched in the body except prefix
     * matches: marking those means analysing each page again, and a word found by its beginning
     * is usually in the title anyway. Typo (fuzzy) matches are marked. The highlighter asks the
     * query for its matches page by page, rewriting it each time; so only the body's clauses
     * are kept, and the query is rewritten once against the whole index (typo automata built
     * once). Both together took a query from 8–10 to 4–5 ms (QueryBench).
     */
    private static String[] snippets(UnifiedHighlighter highlighter, IndexSearcher over, Query text, ScoreDoc[] docs)
            throws IOException {
        Query marked = markable(text);
        if (marked == null || docs.length == 0) {
            return new String[docs.length];
        }
        return highlighter.highlight(IndexFields.BODY, over.rewrite(marked),
                new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs), 2);
    }

    /**
     * The part of {@code query} that snippets mark: its clauses on the body field except prefix
     * ones, with required clauses made optional (a page may have matched them elsewhere); null if
     * nothing is left.
     */
    static Query markable(Query query) {
        if (query instanceof PrefixQuery) {
            return null;
        }
        if (query instanceof BoostQuery boost) {
            Query inner = markable(boost.getQuery());
            return inner == null ? null : new BoostQuery(inner, boost.getBoost());
        }
        if (query instanceof FunctionScoreQuery scored) {
            return markable(scored.getWrappedQuery());
        }
        if (query instanceof DisjunctionMaxQuery max) {
            List<Query> kept = max.getDisjuncts().stream().map(SearchService::markable)
                    .filter(java.util.Objects::nonNull).toList();
            return kept.isEmpty() ? null : kept.size() == 1 ? kept.get(0)
                    : new DisjunctionMaxQuery(kept, max.getTieBreakerMultiplier());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder();
            boolean any = false;
            for (BooleanClause clause : bool.clauses()) {
                Query inner = clause.isProhibited() ? null : markable(clause.getQuery());
                if (inner != null) {
                    builder.add(inner, BooleanClause.Occur.SHOULD);
                    any = true;
                }
            }
            return any ? builder.build() : null;
        }
        String field = query instanceof TermQuery term ? term.getTerm().field()
                : query instanceof FuzzyQuery fuzzy ? fuzzy.getField()
                : query instanceof PhraseQuery phrase ? phrase.getField()
                : IndexFields.BODY;
        return IndexFields.BODY.equals(field) ? query : null;
    }

    /**
     * The sections of the pages at {@code urls} that match any unit of the query, best first, at
     * most {@link #MAX_SECTIONS} per page: sub-results that take the reader to the right heading.
     * One search and one highlighting pass for all the hits shown.
     */
    private Map<String, List<SearchHit.SubResult>> sections(List<String> urls, List<Unit> units, Query text)
            throws IOException {
        if (units.isEmpty() || urls.isEmpty()) {
            return Map.of();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        units.forEach(u -> any.add(u.query(), BooleanClause.Occur.SHOULD));
        Query query = new BooleanQuery.Builder()
                .add(any.build(), BooleanClause.Occur.MUST)
                .add(new org.apache.lucene.search.TermInSetQuery(IndexFields.PARENT,
                        urls.stream().map(org.apache.lucene.util.BytesRef::new).toList()), BooleanClause.Occur.FILTER)
                .build();
        ScoreDoc[] found = sectionsSearcher.search(query, urls.size() * MAX_SECTIONS * 4).scoreDocs;
        Map<String, Integer> perPage = new java.util.HashMap<>();
        List<ScoreDoc> kept = new ArrayList<>();
        List<Document> keptDocs = new ArrayList<>();
        for (ScoreDoc hit : found) {
            Document doc = sectionsSearcher.storedFields().document(hit.doc, SECTION_FIELDS);
            if (perPage.merge(doc.get(IndexFields.PARENT), 1, Integer::sum) <= MAX_SECTIONS) {
                kept.add(hit);
                keptDocs.add(doc);
            }
        }
        String[] snippets = snippets(sectionsHighlighter, sectionsSearcher, text, kept.toArray(ScoreDoc[]::new));
        Map<String, List<SearchHit.SubResult>> sections = new java.util.HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            Document doc = keptDocs.get(i);
            String url = doc.get(IndexFields.PARENT);
            sections.computeIfAbsent(url, u -> new ArrayList<>()).add(new SearchHit.SubResult(doc.get(IndexFields.TITLE),
                    url + "#" + doc.get(IndexFields.ANCHOR), snippets[i] == null ? "" : snippets[i]));
        }
        return sections;
    }

    /**
     * One query per word of the query, each matching in any field (see {@link #termQuery}).
     * Two neighbouring words that the index knows as one word ("familievern kontor") also
     * match that word; otherwise a phrase the synonym table knows also matches its synonyms
     * ("ARP" ↔ "avdeling for rusrelatert psykiatri"). Stop words give no unit.
     */
    private List<Unit> units(List<String> words) throws IOException {
        List<String> content = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String word : words) {
            List<String> term = analyze(IndexFields.BODY, word);
            if (!term.isEmpty()) {
                content.add(word);
                keys.add(term.get(0));
            }
        }
        List<Unit> units = new ArrayList<>();
        int pages = Math.max(1, reader.numDocs());
        for (int i = 0; i < keys.size(); i++) {
            if (i + 1 < keys.size()) {
                List<String> joined = analyze(IndexFields.BODY, content.get(i) + content.get(i + 1));
                if (joined.size() == 1 && known(joined.get(0))) {
                    units.add(new Unit(new BooleanQuery.Builder()
                            .add(termQuery(joined.get(0), false), BooleanClause.Occur.SHOULD)
                            .add(allOf(keys.subList(i, i + 2), true), BooleanClause.Occur.SHOULD)
                            .build(), false));
                    i++;
                    continue;
                }
            }
            SynonymTable.Match synonym = synonyms.matchAt(keys, i);
            if (synonym == null) {
                boolean common = reader.docFreq(new Term(IndexFields.BODY, keys.get(i))) > Ranking.COMMON_SHARE * pages;
                units.add(new Unit(termQuery(keys.get(i), true), common));
                continue;
            }
            BooleanQuery.Builder either = new BooleanQuery.Builder()
                    .add(allOf(keys.subList(i, i + synonym.length()), true), BooleanClause.Occur.SHOULD);
            for (List<String> alternative : synonym.alternatives()) {
                either.add(allOf(alternative, false), BooleanClause.Occur.SHOULD);
            }
            units.add(new Unit(either.build(), false));
            i += synonym.length() - 1;
        }
        return units;
    }

    /** Every one of {@code terms} (analysed) must match. */
    private Query allOf(List<String> terms, boolean forgiveTypos) throws IOException {
        if (terms.size() == 1) {
            return termQuery(terms.get(0), forgiveTypos);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : terms) {
            all.add(termQuery(term, forgiveTypos), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    /**
     * At least {@code mustMatch} of the units that are not common must match somewhere; common
     * ones and the terms standing together as in the query add weight.
     */
    private static Query textQuery(List<Unit> units, List<String> terms, int mustMatch) {
        BooleanQuery.Builder required = new BooleanQuery.Builder();
        units.stream().filter(u -> !u.common()).forEach(u -> required.add(u.query(), BooleanClause.Occur.SHOULD));
        required.setMinimumNumberShouldMatch(mustMatch);
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(required.build(), BooleanClause.Occur.MUST);
        units.stream().filter(Unit::common).forEach(u -> all.add(u.query(), BooleanClause.Occur.SHOULD));
        if (terms.size() <= 1) {
            return all.build();
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(Ranking.PHRASE_SLOP);
        terms.forEach(t -> phrase.add(new Term(IndexFields.BODY, t)));
        return new BooleanQuery.Builder()
                .add(all.build(), BooleanClause.Occur.MUST)
                .add(new BoostQuery(phrase.build(), Ranking.PHRASE_BOOST), BooleanClause.Occur.SHOULD)
                .build();
    }

    /**
     * One term in every text field, also as the beginning of a longer word (weighing less); with
     * {@code forgiveTypos}, fuzzy (1 edit from 4 letters, 2 from 8) if the index lacks it.
     */
    private Query termQuery(String term, boolean forgiveTypos) throws IOException {
        int edits = !forgiveTypos || known(term) ? 0 : Ranking.editsFor(term.length());
        List<Query> alternatives = new ArrayList<>();
        for (Map.Entry<String, Float> field : Ranking.FIELD_WEIGHTS.entrySet()) {
            Term t = new Term(field.getKey(), term);
            Query q = edits == 0 ? new TermQuery(t) : new FuzzyQuery(t, edits, 1, Ranking.MAX_FUZZY_EXPANSIONS, true);
            alternatives.add(field.getValue() == 1f ? q : new BoostQuery(q, field.getValue()));
            if (term.length() >= Ranking.MIN_PREFIX) {
                alternatives.add(new BoostQuery(new PrefixQuery(t), field.getValue() * Ranking.PREFIX_WEIGHT));
            }
        }
        return new DisjunctionMaxQuery(alternatives, Ranking.FIELD_TIE_BREAKER);
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
        for (String field : Ranking.FIELD_WEIGHTS.keySet()) {
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
        Query exact = new BoostQuery(phrase.build(), Ranking.EXACT_TITLE_BOOST);
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
        sectionsReader.close();
        sectionsDirectory.close();
    }
}
