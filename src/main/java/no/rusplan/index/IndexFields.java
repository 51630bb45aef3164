package no.rusplan.index;

import org.apache.lucene.facet.FacetsConfig;

/** Field names of the search index, shared by the indexer and the searcher. */
public final class IndexFields {
    public static final String ID = "id";
    public static final String URL = "url";
    public static final String TYPE = "type";
    public static final String TITLE = "title";
    /** The title again, lower-cased words only: no stop words, no stemming ("Av og til" stays findable). */
    public static final String TITLE_EXACT = "titleExact";
    /** Every word of title and body as written (lower case, no stemming): the spell checker's vocabulary. */
    public static final String SPELL = "spell";
    public static final String HEADINGS = "headings";
    /**
     * A page's title, url and type joined by {@link #SUGGESTION_SEPARATOR}, as a doc value:
     * autocomplete reads every page's once per opened index, without decompressing the stored
     * bodies beside them.
     */
    public static final String SUGGESTION = "suggestion";
    public static final char SUGGESTION_SEPARATOR = '\u0000';
    public static final String BODY = "body";
    /**
     * Sections (parts of a page under a heading with an id) are in an index of their own in this
     * subdirectory, so they do not count in the pages' term statistics.
     */
    public static final String SECTIONS_DIR = "sections";
    /** Of a section: the url of its page (for sub-results) and its anchor. */
    public static final String PARENT = "parent";
    public static final String ANCHOR = "anchor";
    /** {@link Ranking#typeWeight} of the page's type, as a doc value the score is multiplied by. */
    public static final String TYPE_WEIGHT = "typeWeight";
    /** Municipality ids (filterable) and their display names (stored, searchable). */
    public static final String MUNICIPALITY = "municipality";
    public static final String MUNICIPALITY_NAME = "municipalityName";
    public static final String AUDIENCE = "audience";
    public static final String PLAN = "plan";

    /** The file beside the index that holds display labels of facet values. */
    public static final String LABELS_FILE = "labels.json";
    /** The file beside the index with the query-time synonyms (glossary and hand-kept). */
    public static final String SYNONYMS_FILE = "synonyms.txt";
    /** The file beside the index with the compound-splitting dictionary the build used. */
    public static final String COMPOUNDS_FILE = "compound-dictionary.txt";

    private IndexFields() {
    }

    /** Facet dimensions: type is single-valued, municipality and audience multi-valued. */
    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(MUNICIPALITY, true);
        config.setMultiValued(AUDIENCE, true);
        return config;
    }
}
