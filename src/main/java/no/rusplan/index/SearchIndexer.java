package no.rusplan.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.rusplan.analysis.CompoundSplitter;
import no.rusplan.analysis.NorwegianAnalysis;
import no.rusplan.analysis.SynonymTable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Writes the Lucene index of a baked site into a directory (the build's staging directory;
 * it is swapped into place only when complete): one document per page, and in
 * {@link IndexFields#SECTIONS_DIR} one per section (for sub-results), plus, beside it, {@link IndexFields#LABELS_FILE} (display labels of facet
 * values), {@link IndexFields#SYNONYMS_FILE} (what queries expand with) and
 * {@link IndexFields#COMPOUNDS_FILE} (the dictionary compounds were split with), so the server
 * needs nothing but this directory.
 */
public final class SearchIndexer {
    /** Body text is stored with offsets so the highlighter can cut snippets without re-analysis. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    /**
     * The spell field is only asked which words the site has and on how many pages (the
     * suggestions, the static index's lexicon): no frequencies, positions or norms to write.
     */
    private static final FieldType SPELL_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
        SPELL_TYPE.setIndexOptions(IndexOptions.DOCS);
        SPELL_TYPE.setOmitNorms(true);
        SPELL_TYPE.freeze();
    }

    private final FacetsConfig facets = IndexFields.facetsConfig();

    /** Writes every entry; returns how many pages were indexed. */
    public int write(List<IndexEntry> entries, Map<String, Map<String, String>> labels, SynonymTable synonyms,
                     Path indexDir) throws IOException {
        SiteWords words = SiteWords.of(entries);
        CompoundSplitter splitter = CompoundSplitter.fromCorpus(words.counts());
        Analyzer analyzer = NorwegianAnalysis.perField(NorwegianAnalysis.text(splitter),
                IndexFields.TITLE_EXACT, IndexFields.SPELL);
        // Analysis (compound splitting, stemming) is most of the time, so it runs on two threads:
        // first the two halves of the pages, each by a writer of its own in memory, then the
        // sections, while the halves are merged into indexDir's one segment in one pass (the
        // merge is one thread's work; with the sections analysed beside the halves instead, one
        // core idled through it). Each writer has one thread and merges only neighbouring
        // segments, so the pages keep the entries' order and every score and tie is what one
        // writer would give (one shared writer fed by every core was no faster: its segments
        // must then be sorted and merged). One segment, because searching two was 3-8 % slower
        // (QueryBench's loop on the example site's index, alternated).
        List<IndexEntry> firstHalf = entries.subList(0, entries.size() / 2);
        List<IndexEntry> secondHalf = entries.subList(entries.size() / 2, entries.size());
        java.util.concurrent.CompletableFuture<Directory> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return inMemory(secondHalf, words.ofEntries().subList(entries.size() / 2, entries.size()), analyzer);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (Directory first = inMemory(firstHalf, words.ofEntries().subList(0, entries.size() / 2), analyzer); Directory rest = join(second);
             DirectoryReader firstPages = DirectoryReader.open(first); DirectoryReader restPages = DirectoryReader.open(rest);
             Directory directory = FSDirectory.open(indexDir); IndexWriter writer = new IndexWriter(directory, config(analyzer))) {
            java.util.concurrent.CompletableFuture<Void> sections = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    writeSections(entries, analyzer, indexDir.resolve(IndexFields.SECTIONS_DIR));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try {
                writer.addIndexes(java.util.stream.Stream.of(firstPages, restPages)
                        .flatMap(reader -> reader.leaves().stream())
                        .map(leaf -> (CodecReader) leaf.reader())
                        .toArray(CodecReader[]::new));
                finish(writer);
            } finally {
                join(sections); // also when the merge failed: nothing may still write into indexDir
            }
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValue(indexDir.resolve(IndexFields.LABELS_FILE).toFile(), labels);
        Files.writeString(indexDir.resolve(IndexFields.SYNONYMS_FILE), synonyms.format(), StandardCharsets.UTF_8);
        Files.write(indexDir.resolve(IndexFields.COMPOUNDS_FILE), splitter.dictionary(), StandardCharsets.UTF_8);
        return entries.size();
    }

    /**
     * One in-memory segment for a site's worth of pages per writer; merges only of neighbouring
     * segments, so documents stay in the order they were added; no compound files.
     */
    private static IndexWriterConfig config(Analyzer analyzer) {
        return new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(256)
                .setUseCompoundFile(false) // a compound file is one more copy of every byte, for fewer files
                .setMergePolicy(new org.apache.lucene.index.LogByteSizeMergePolicy());
    }

    /** Every entry's sections, one document each, into {@code dir}. */
    private void writeSections(List<IndexEntry> entries, Analyzer analyzer, Path dir) throws IOException {
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config(analyzer))) {
            for (IndexEntry entry : entries) {
                for (IndexEntry.Section section : entry.sections()) {
                    writer.addDocument(section(entry, section));
                }
            }
            finish(writer);
        }
    }

    /** {@code entries}' pages (with their {@code words}) written to a directory in memory, in their order. */
    private Directory inMemory(List<IndexEntry> entries, List<String[]> words, Analyzer analyzer) throws IOException {
        Directory directory = new org.apache.lucene.store.ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, config(analyzer))) {
            for (int i = 0; i < entries.size(); i++) {
                writer.addDocument(facets.build(page(entries.get(i), words.get(i))));
            }
            writer.commit();
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        return directory;
    }

    /** Waits for {@code task}; its I/O failure is thrown as the IOException it was. */
    private static <T> T join(java.util.concurrent.CompletableFuture<T> task) throws IOException {
        try {
            return task.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    private static void finish(IndexWriter writer) throws IOException {
        writer.forceMerge(1);
        writer.commit();
    }

    /**
     * Replaces the documents of {@code entries} (pages and their sections) in the index a build
     * wrote to {@code indexDir}, analysed with the compound dictionary that build used. For
     * pages whose text changed but not their place in the model ({@code serve --watch}).
     */
    public void update(List<IndexEntry> entries, Path indexDir) throws IOException {
        CompoundSplitter splitter = CompoundSplitter.fromDictionary(
                Files.readAllLines(indexDir.resolve(IndexFields.COMPOUNDS_FILE), StandardCharsets.UTF_8));
        Analyzer analyzer = NorwegianAnalysis.perField(NorwegianAnalysis.text(splitter),
                IndexFields.TITLE_EXACT, IndexFields.SPELL);
        try (Directory directory = FSDirectory.open(indexDir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                     .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            for (IndexEntry entry : entries) {
                writer.updateDocument(new org.apache.lucene.index.Term(IndexFields.ID, entry.id()),
                        facets.build(page(entry, SiteWords.distinct(entry))));
            }
            writer.commit();
        }
        try (Directory directory = FSDirectory.open(indexDir.resolve(IndexFields.SECTIONS_DIR));
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                     .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            for (IndexEntry entry : entries) {
                writer.deleteDocuments(new org.apache.lucene.index.Term(IndexFields.PARENT, entry.url()));
                for (IndexEntry.Section section : entry.sections()) {
                    writer.addDocument(section(entry, section));
                }
            }
            writer.commit();
        }
    }

    /** A page's document; {@code words} are the distinct words of its title and text (its spell field). */
    private static Document page(IndexEntry entry, String[] words) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, entry.id(), Field.Store.YES));
        doc.add(new StoredField(IndexFields.URL, entry.url()));
        doc.add(new StringField(IndexFields.TYPE, entry.type(), Field.Store.YES));
        doc.add(new SortedSetDocValuesFacetField(IndexFields.TYPE, entry.type()));
        doc.add(new DoubleDocValuesField(IndexFields.TYPE_WEIGHT, Ranking.typeWeight(entry.type())));
        doc.add(new TextField(IndexFields.TITLE, entry.title(), Field.Store.YES));
        doc.add(new BinaryDocValuesField(IndexFields.SUGGESTION, new BytesRef(String.join(
                String.valueOf(IndexFields.SUGGESTION_SEPARATOR), entry.title(), entry.url(), entry.type()))));
        doc.add(new TextField(IndexFields.TITLE_EXACT, entry.title(), Field.Store.NO));
        doc.add(new Field(IndexFields.SPELL, new SiteWords.Stream(words), SPELL_TYPE));
        doc.add(new TextField(IndexFields.HEADINGS, entry.headings(), Field.Store.NO));
        doc.add(new Field(IndexFields.BODY, entry.body(), BODY_TYPE));
        for (String id : entry.municipalityIds()) {
            doc.add(new StringField(IndexFields.MUNICIPALITY, id, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(IndexFields.MUNICIPALITY, id));
        }
        for (String name : entry.municipalityNames()) {
            doc.add(new TextField(IndexFields.MUNICIPALITY_NAME, name, Field.Store.YES));
        }
        for (String audience : entry.audiences()) {
            doc.add(new StringField(IndexFields.AUDIENCE, audience, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(IndexFields.AUDIENCE, audience));
        }
        if (!entry.planId().isEmpty()) {
            doc.add(new StringField(IndexFields.PLAN, entry.planId(), Field.Store.YES));
        }
        return doc;
    }

    /** A section: searchable heading and text, found only through its page (no facets, no type). */
    private static Document section(IndexEntry entry, IndexEntry.Section section) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.PARENT, entry.url(), Field.Store.YES));
        doc.add(new StoredField(IndexFields.ANCHOR, section.anchor()));
        doc.add(new TextField(IndexFields.TITLE, section.heading(), Field.Store.YES));
        doc.add(new TextField(IndexFields.HEADINGS, section.heading(), Field.Store.NO));
        doc.add(new Field(IndexFields.BODY, section.text(), BODY_TYPE));
        return doc;
    }
}
