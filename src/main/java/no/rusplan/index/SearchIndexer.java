package no.rusplan.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.rusplan.analysis.NorwegianAnalysis;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes the Lucene index of a baked site into a directory (the build's staging directory;
 * it is swapped into place only when complete), plus {@link IndexFields#LABELS_FILE}: the
 * display label of every facet value, so the server needs nothing but the index.
 */
public final class SearchIndexer {
    /** Body text is stored with offsets so the highlighter can cut snippets without re-analysis. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    private final FacetsConfig facets = IndexFields.facetsConfig();

    /** Writes every entry; returns how many were indexed. */
    public int write(List<IndexEntry> entries, Map<String, Map<String, String>> labels, Path indexDir)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(NorwegianAnalysis.perField(IndexFields.TITLE_EXACT, IndexFields.SPELL))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (Directory directory = FSDirectory.open(indexDir); IndexWriter writer = new IndexWriter(directory, config)) {
            for (IndexEntry entry : entries) {
                writer.addDocument(facets.build(document(entry)));
            }
            writer.forceMerge(1);
            writer.commit();
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValue(indexDir.resolve(IndexFields.LABELS_FILE).toFile(), labels);
        return entries.size();
    }

    private static Document document(IndexEntry entry) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, entry.id(), Field.Store.YES));
        doc.add(new StoredField(IndexFields.URL, entry.url()));
        doc.add(new StringField(IndexFields.TYPE, entry.type(), Field.Store.YES));
        doc.add(new SortedSetDocValuesFacetField(IndexFields.TYPE, entry.type()));
        doc.add(new TextField(IndexFields.TITLE, entry.title(), Field.Store.YES));
        doc.add(new TextField(IndexFields.TITLE_EXACT, entry.title(), Field.Store.NO));
        doc.add(new TextField(IndexFields.SPELL, entry.title() + " \n" + entry.body(), Field.Store.NO));
        doc.add(new TextField(IndexFields.HEADINGS, entry.headings(), Field.Store.NO));
        doc.add(new Field(IndexFields.BODY, entry.body(), BODY_TYPE));
        doc.add(new TextField(IndexFields.SYNONYMS, entry.synonyms(), Field.Store.NO));
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
}
