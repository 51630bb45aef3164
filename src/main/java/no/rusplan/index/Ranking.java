package no.rusplan.index;

import java.util.Map;

/**
 * The ranking settings of search, in one place for the server's Lucene queries and anything
 * derived from the index: how much a match weighs in each field, and the tie-break by page
 * type (a name query should put the service or program page above a chapter that mentions it
 * in passing).
 */
public final class Ranking {
    /** Fields a query term is looked for in, with their weights. */
    public static final Map<String, Float> FIELD_WEIGHTS = Map.of(IndexFields.TITLE, 4f, IndexFields.HEADINGS, 2f,
            IndexFields.MUNICIPALITY_NAME, 1.5f, IndexFields.BODY, 1f);
    /** Extra weight when the query's terms stand together (within a few words) in the body. */
    public static final float PHRASE_BOOST = 2f;
    /** How far apart the terms of a phrase may stand and still count as together. */
    public static final int PHRASE_SLOP = 3;
    /** Extra weight when the title is the query, word for word. */
    public static final float EXACT_TITLE_BOOST = 5f;
    /** A page's score is multiplied by its type's weight; types not listed weigh 1. */
    private static final Map<String, Double> TYPE_WEIGHTS = Map.of(
            "service", 1.3, "program", 1.3, "term", 1.2, "municipality", 1.2,
            "measure", 1.1, "plan", 1.1, "chapter", 1.0, "measures", 0.9, "directory", 0.9, "page", 0.9);

    private Ranking() {
    }

    public static double typeWeight(String type) {
        return TYPE_WEIGHTS.getOrDefault(type, 1.0);
    }
}
