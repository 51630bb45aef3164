package no.rusplan.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import no.rusplan.analysis.NorwegianAnalysis;
import no.rusplan.analysis.SynonymTable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Derives the static search index under {@code target/site/search/} from the Lucene index a
 * build just wrote, so a site copied to a host without Java stays searchable with the same
 * Norwegian understanding. Nothing is analysed twice: the browser gets
 * <ul>
 * <li>a <b>lexicon</b>, sharded by first letter: every word of the site (and of its synonym
 * table) → the analysed terms to look up, with single-word synonyms as alternatives, so the
 * browser needs no stemmer, splitter or synonym logic;</li>
 * <li><b>postings</b>, sharded by a hash of the term: term → pages with a weight computed by
 * Lucene's own BM25 scorer per field, times {@link Ranking}'s field weights, combined as the
 * server's per-field disjunction does, times the page type's weight;</li>
 * <li>the <b>pages</b> (title, url, type, municipalities, audiences) for facets, and for
 * snippets each page's <b>text</b>, loaded only for hits shown: one gzip JSON member per page,
 * all of them in one file the browser reads a member of with an HTTP {@code Range} request
 * (a page's byte range is in its pages entry). A file per page was 5,000 files at 5,000 pages,
 * and creating a file costs about half a millisecond of kernel time on the disks measured here;
 * a host that ignores {@code Range} sends the whole file, which the browser then keeps;</li>
 * <li>{@value #MANIFEST}, the one file with a fixed name: file names, {@link Ranking#settings()},
 * stop words and facet labels.</li>
 * </ul>
 * Data files are gzip-compressed JSON (the texts file: concatenated gzip members) named by a
 * hash of their content, so they can be cached forever. Shard assignment uses {@link #shardOf}, which the browser computes the same way.
 */
public final class StaticIndexWriter {
    public static final String DIR = "search";
    public static final String MANIFEST = "manifest.json";
    /** About how many bytes of JSON one postings shard holds before compression. */
    static final int POSTINGS_SHARD_BYTES = 24_000;
    /** Characters of a page's text kept for snippets. */
    static final int TEXT_CHARS = 4_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was written: files, bytes on disk, and the sizes of the parts. */
    public record Stats(int files, long bytes, int words, int terms, int postings, int postingShards) {
    }

    /** FNV-1a over the UTF-16 code units of {@code term}, modulo {@code shards}; mirrored in search.js. */
    public static int shardOf(String term, int shards) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < term.length(); i++) {
            hash ^= term.charAt(i);
            hash *= 0x01000193;
        }
        return Integer.remainderUnsigned(hash, shards);
    }

    /** The lexicon shard of a word: its first letter, or "_" for a digit or anything else. */
    public static String lexiconKey(String word) {
        char first = word.charAt(0);
        return Character.isLetter(first) ? String.valueOf(first) : "_";
    }

    public Stats write(List<IndexEntry> entries, Path luceneDir, SynonymTable synonyms,
                       Map<String, Map<String, String>> labels, Path outDir) throws IOException {
        return write(entries, luceneDir, synonyms, labels, outDir, () -> false);
    }

    /** As {@link #write}, and stops (CancellationException, the manifest untouched) as soon as {@code stop} says so. */
    private Stats write(List<IndexEntry> entries, Path luceneDir, SynonymTable synonyms,
                        Map<String, Map<String, String>> labels, Path outDir, java.util.function.BooleanSupplier stop)
            throws IOException {
        Files.createDirectories(outDir);
        Map<String, Integer> docOf = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            docOf.put(entries.get(i).id(), i);
        }
        try (Output out = new Output(outDir); FSDirectory directory = FSDirectory.open(luceneDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            // the page texts need nothing from Lucene: compressed beside the weights, which are
            // computed on this thread
            java.util.concurrent.CompletableFuture<List<byte[]>> compressedTexts = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> entries.parallelStream().map(entry -> {
                        stopIf(stop);
                        return gzip(json(List.of(entry.body().length() > TEXT_CHARS
                                ? entry.body().substring(0, TEXT_CHARS) : entry.body())));
                    }).toList());
            IndexSearcher searcher = new IndexSearcher(reader);
            int[] staticDoc = staticDocs(reader, docOf);
            Map<String, Map<Integer, float[]>> weights = weights(reader, searcher, staticDoc, stop);
            Map<String, double[]> finalWeights = combine(weights, entries);
            Map<String, Object> lexicon = lexicon(reader, synonyms, finalWeights.keySet());

            List<byte[]> texts;
            try {
                texts = compressedTexts.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            ByteArrayOutputStream allTexts = new ByteArrayOutputStream();
            List<Object> docs = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                IndexEntry entry = entries.get(i);
                docs.add(List.of(entry.title(), entry.url(), entry.type(), entry.municipalityIds(),
                        entry.municipalityNames(), entry.audiences(), List.of(allTexts.size(), texts.get(i).length)));
                allTexts.write(texts.get(i));
            }
            int postingCount = finalWeights.values().stream().mapToInt(w -> w.length / 2).sum();
            int shards = Math.max(1, (int) Math.ceil(postingCount * 8.0 / POSTINGS_SHARD_BYTES));
            List<Map<String, int[]>> postingShards = new ArrayList<>();
            for (int i = 0; i < shards; i++) {
                postingShards.add(new TreeMap<>());
            }
            finalWeights.forEach((term, w) -> postingShards.get(shardOf(term, shards)).put(term, encode(w)));
            List<String> postingFiles = new ArrayList<>();
            for (int i = 0; i < shards; i++) {
                postingFiles.add(out.write("post-" + i, postingShards.get(i)));
            }
            Map<String, Map<String, Object>> lexiconShards = new TreeMap<>();
            lexicon.forEach((word, alternatives) ->
                    lexiconShards.computeIfAbsent(lexiconKey(word), k -> new TreeMap<>()).put(word, alternatives));
            Map<String, String> lexiconFiles = new TreeMap<>();
            lexiconShards.forEach((key, shard) -> lexiconFiles.put(key, out.write("lex-" + slug(key), shard)));

            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("version", 2);
            manifest.put("pages", entries.size());
            manifest.put("docs", out.write("docs", docs));
            manifest.put("texts", out.writeBytes("texts", ".bin", allTexts.toByteArray()));
            manifest.put("lexicon", lexiconFiles);
            manifest.put("phrases", phrases(synonyms, finalWeights.keySet()));
            manifest.put("postings", postingFiles);
            manifest.put("settings", Ranking.settings());
            manifest.put("stopWords", NorwegianAnalysis.readStopWords());
            manifest.put("labels", labels);
            out.finish();
            stopIf(stop);
            byte[] bytes = JSON.writeValueAsBytes(manifest);
            // the manifest names every other file: it is replaced last, in one step
            Path temp = Files.createTempFile(outDir, "." + MANIFEST, ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, outDir.resolve(MANIFEST), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Stats(out.files.get() + 1, out.bytes.get() + bytes.length, lexicon.size(), finalWeights.size(),
                    postingCount, shards);
        }
    }

    /**
     * Writes the static index of {@code entries} into {@code outDir}, which holds the one an
     * earlier build wrote, while browsers may be reading it: data files are named by their
     * content, so the ones that did not change are left as they are and new ones are added
     * beside them; then the manifest is replaced in one step; then the data files that neither
     * the new manifest nor the one it replaced names are deleted (a page loaded before the
     * replacement can go on searching with the files its manifest names). {@code luceneDir} may
     * hold replaced documents not yet merged away: only live ones are read. When {@code stop}
     * says so, it stops with a CancellationException before the manifest is replaced (the data
     * files it added, and any a killed process left half-written, are deleted by the next refresh). For {@code serve --watch},
     * after pages were rebuilt.
     */
    public Stats refresh(List<IndexEntry> entries, Path luceneDir, SynonymTable synonyms,
                         Map<String, Map<String, String>> labels, Path outDir, java.util.function.BooleanSupplier stop)
            throws IOException {
        java.util.Set<String> keep = new java.util.HashSet<>(dataFiles(outDir.resolve(MANIFEST)));
        Stats stats = write(entries, luceneDir, synonyms, labels, outDir, stop);
        keep.addAll(dataFiles(outDir.resolve(MANIFEST)));
        try (var files = Files.list(outDir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean data = name.endsWith(".json.gz") || name.endsWith(".bin");
                boolean halfWritten = name.startsWith(".") && name.endsWith(".tmp"); // by a refresh that was killed
                if (!keep.contains(name) && !name.equals(MANIFEST) && (data || halfWritten)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        return stats;
    }

    /** Throws CancellationException when {@code stop} says so. */
    private static void stopIf(java.util.function.BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("stopped");
        }
    }

    /** The data files a manifest names (none when there is no manifest). */
    static List<String> dataFiles(Path manifest) throws IOException {
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(manifest.toFile());
        List<String> names = new ArrayList<>();
        names.add(root.path("docs").asText());
        names.add(root.path("texts").asText());
        root.path("lexicon").forEach(file -> names.add(file.asText()));
        root.path("postings").forEach(file -> names.add(file.asText()));
        return names;
    }

    /**
     * Lucene doc id → index into the entries (pages), or -1 for none; read from the id field's
     * postings (stored fields would decompress every page's text for its id).
     */
    private static int[] staticDocs(DirectoryReader reader, Map<String, Integer> docOf) throws IOException {
        int[] staticDoc = new int[reader.maxDoc()];
        java.util.Arrays.fill(staticDoc, -1);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms ids = leaf.reader().terms(IndexFields.ID);
            if (ids == null) {
                continue;
            }
            org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
            TermsEnum termsEnum = ids.iterator();
            org.apache.lucene.index.PostingsEnum postings = null;
            for (BytesRef id = termsEnum.next(); id != null; id = termsEnum.next()) {
                Integer page = docOf.get(id.utf8ToString());
                if (page == null) {
                    continue;
                }
                postings = termsEnum.postings(postings, org.apache.lucene.index.PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        staticDoc[leaf.docBase + doc] = page;
                    }
                }
            }
        }
        return staticDoc;
    }

    /**
     * For every term of every weighted field: each page's score from Lucene's own scorer (BM25,
     * boosted by the field's weight), as {max over fields, sum over fields}.
     */
    private static Map<String, Map<Integer, float[]>> weights(DirectoryReader reader, IndexSearcher searcher,
                                                               int[] staticDoc, java.util.function.BooleanSupplier stop)
            throws IOException {
        Map<String, Map<Integer, float[]>> weights = new HashMap<>();
        for (Map.Entry<String, Float> field : Ranking.FIELD_WEIGHTS.entrySet()) {
            Terms terms = MultiTerms.getTerms(reader, field.getKey());
            if (terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            for (BytesRef bytes = termsEnum.next(); bytes != null; bytes = termsEnum.next()) {
                stopIf(stop);
                String text = bytes.utf8ToString();
                Weight weight = searcher.createWeight(searcher.rewrite(new TermQuery(new Term(field.getKey(), text))),
                        ScoreMode.COMPLETE, field.getValue());
                for (LeafReaderContext leaf : reader.leaves()) {
                    Scorer scorer = weight.scorer(leaf);
                    if (scorer == null) {
                        continue;
                    }
                    DocIdSetIterator docs = scorer.iterator();
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        int page = staticDoc[leaf.docBase + doc];
                        if (page >= 0) {
                            float score = scorer.score();
                            float[] maxAndSum = weights.computeIfAbsent(text, t -> new HashMap<>())
                                    .computeIfAbsent(page, p -> new float[2]);
                            maxAndSum[0] = Math.max(maxAndSum[0], score);
                            maxAndSum[1] += score;
                        }
                    }
                }
            }
        }
        return weights;
    }

    /** The server's per-field disjunction (max plus the tie-breaker share of the rest), times the type weight. */
    private static Map<String, double[]> combine(Map<String, Map<Integer, float[]>> weights, List<IndexEntry> entries) {
        Map<String, double[]> combined = new HashMap<>();
        weights.forEach((term, byPage) -> {
            double[] pairs = new double[byPage.size() * 2];
            int i = 0;
            for (Map.Entry<Integer, float[]> e : new TreeMap<>(byPage).entrySet()) {
                float[] maxAndSum = e.getValue();
                double score = maxAndSum[0] + Ranking.FIELD_TIE_BREAKER * (maxAndSum[1] - maxAndSum[0]);
                pairs[i++] = e.getKey();
                pairs[i++] = score * Ranking.typeWeight(entries.get(e.getKey()).type());
            }
            combined.put(term, pairs);
        });
        return combined;
    }

    /** Pages as gaps from the previous page, weights in hundredths: [gap, weight, gap, weight, …]. */
    private static int[] encode(double[] pairs) {
        int[] encoded = new int[pairs.length];
        int previous = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            int page = (int) pairs[i];
            encoded[i] = page - previous;
            encoded[i + 1] = Math.max(1, (int) Math.round(pairs[i + 1] * 100));
            previous = page;
        }
        return encoded;
    }

    /**
     * Every word of the site as written (the spell field's vocabulary), of the synonym table and
     * every index term → its alternatives, each a list of terms that must all match: a plain string when the word
     * has one alternative of one term. Words whose terms are in no page are left out.
     */
    private static Map<String, Object> lexicon(DirectoryReader reader, SynonymTable synonyms, java.util.Set<String> indexed)
            throws IOException {
        java.util.Set<String> words = new java.util.TreeSet<>();
        Terms spell = MultiTerms.getTerms(reader, IndexFields.SPELL);
        if (spell != null) {
            TermsEnum termsEnum = spell.iterator();
            for (BytesRef bytes = termsEnum.next(); bytes != null; bytes = termsEnum.next()) {
                words.add(bytes.utf8ToString());
            }
        }
        for (String line : synonyms.format().split("\n")) {
            words.addAll(NorwegianAnalysis.words(line));
        }
        Map<String, Object> lexicon = new TreeMap<>();
        for (String word : words) {
            List<String> terms = NorwegianAnalysis.terms(word);
            if (terms.isEmpty()) {
                continue;
            }
            List<List<String>> alternatives = new ArrayList<>();
            alternatives.add(terms);
            SynonymTable.Match match = synonyms.matchAt(terms, 0);
            if (match != null && match.length() == terms.size()) {
                alternatives.addAll(match.alternatives());
            }
            alternatives.removeIf(alternative -> !indexed.containsAll(alternative));
            if (alternatives.isEmpty()) {
                continue;
            }
            boolean plain = alternatives.size() == 1 && alternatives.get(0).size() == 1;
            lexicon.put(word, plain ? alternatives.get(0).get(0) : alternatives);
        }
        // Index terms are words too: a stem or compound part typed as such ("døgn", found in
        // "døgnbehandling") is looked up as itself.
        for (String term : indexed) {
            if (!lexicon.containsKey(term) && term.chars().allMatch(Character::isLetterOrDigit)) {
                lexicon.put(term, term);
            }
        }
        return lexicon;
    }

    /**
     * Synonym phrases of two or more terms (their terms joined by a space) → their alternatives:
     * "anonym alkoholiker" → [["aa"]]. The browser maps typed words to terms with the lexicon and
     * looks the joined terms up here.
     */
    private static Map<String, List<List<String>>> phrases(SynonymTable synonyms, java.util.Set<String> indexed) {
        Map<String, List<List<String>>> phrases = new TreeMap<>();
        for (String line : synonyms.format().split("\n")) {
            for (String phrase : line.split(",")) {
                List<String> terms = NorwegianAnalysis.terms(phrase);
                SynonymTable.Match match = terms.size() < 2 ? null : synonyms.matchAt(terms, 0);
                if (match != null && match.length() == terms.size()) {
                    List<List<String>> alternatives = new ArrayList<>(match.alternatives());
                    alternatives.removeIf(alternative -> !indexed.containsAll(alternative));
                    if (!alternatives.isEmpty()) {
                        phrases.put(String.join(" ", terms), alternatives);
                    }
                }
            }
        }
        return phrases;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(gz)) {
            zip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gz.toByteArray();
    }

    private static String slug(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}_-]", "-");
    }

    /**
     * Writes the data files: the name (content hash) is computed at once, compressing and
     * writing happen on every core (thousands of small files: one thread spent most of the
     * stage waiting for the file system). {@link #finish()} waits for all of them.
     */
    private static final class Output implements AutoCloseable {
        private final Path dir;
        private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()));
        private final List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger files = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();

        Output(Path dir) {
            this.dir = dir;
        }

        /** Writes {@code value} as {@code <name>-<hash>.json.gz}; returns the file name relative to the directory. */
        String write(String name, Object value) {
            byte[] json = json(value);
            String file = name + "-" + hash(json) + ".json.gz";
            pending.add(pool.submit(() -> {
                store(file, gzip(json));
                return null;
            }));
            return file;
        }

        /** Writes {@code data} as it is, as {@code <name>-<hash><suffix>}; returns the file name. */
        String writeBytes(String name, String suffix, byte[] data) {
            String file = name + "-" + hash(data) + suffix;
            pending.add(pool.submit(() -> {
                store(file, data);
                return null;
            }));
            return file;
        }

        private void store(String file, byte[] data) throws IOException {
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path) || Files.size(path) != data.length) {
                // named by its content: a file of that name and size holds these bytes already
                // (refresh); written beside and moved, so no reader sees half of one
                Path temp = Files.createTempFile(dir, "." + file, ".tmp");
                Files.write(temp, data);
                Files.move(temp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            files.incrementAndGet();
            bytes.addAndGet(data.length);
        }

        private static String hash(byte[] data) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, 5);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Waits until every file is written; the first failure is thrown. */
        void finish() throws IOException {
            try {
                for (java.util.concurrent.Future<?> future : pending) {
                    future.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while writing " + dir);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException("Cannot write " + dir, e.getCause());
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }
}
