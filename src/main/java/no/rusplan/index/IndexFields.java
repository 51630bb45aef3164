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
    public static final String BODY = "body";
    /** Glossary expansions of abbreviations on the page, and abbreviations of expansions on it. */
    public static final String SYNONYMS = "synonyms";
    /** Municipality ids (filterable) and their display names (stored, searchable). */
    public static final String MUNICIPALITY = "municipality";
    public static final String MUNICIPALITY_NAME = "municipalityName";
    public static final String AUDIENCE = "audience";
    public static final String PLAN = "plan";

    /** The file beside the index that holds display labels of facet values. */
    public static final String LABELS_FILE = "labels.json";

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
