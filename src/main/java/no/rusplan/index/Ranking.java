package no.rusplan.index;

import java.util.Map;

/**
 * The ranking settings of search, in one place for the server's Lucene queries and anything
 * derived from the index: how much a match weighs in each field, and the tie-break by page
 * type (a name query should put the service or program page above a chapter that mentions it
 * in passing).
 */
public final class Ranking {
    /**
     * Fields a query term is looked for in, with their weights, in a fixed order: the static
     * index sums each page's field scores in this order, and {@code Map.of}'s order changes
     * from one JVM to the next (a float sum in another order can round differently).
     */
    public static final Map<String, Float> FIELD_WEIGHTS = fieldWeights();
    /** Extra weight when the query's terms stand together (within a few words) in the body. */
    public static final float PHRASE_BOOST = 2f;
    /** How far apart the terms of a phrase may stand and still count as together. */
    public static final int PHRASE_SLOP = 3;
    /** Extra weight when the title is the query, word for word. */
    public static final float EXACT_TITLE_BOOST = 5f;
    /** Shortest term that also matches as the beginning of longer words ("tyrili" → Tyrilistiftelsen). */
    public static final int MIN_PREFIX = 4;
    /** What a prefix match weighs beside a whole-word match in the same field. */
    public static final float PREFIX_WEIGHT = 0.3f;
    /** Terms the index lacks are matched with one edit from this length … */
    public static final int ONE_EDIT_FROM = 4;
    /** … and with two edits from this length. */
    public static final int TWO_EDITS_FROM = 8;
    /** Most index terms one misspelt term may expand to. */
    public static final int MAX_FUZZY_EXPANSIONS = 20;
    /** Share of pages above which a single word is too common to be required ("hjelp etter soning"). */
    public static final double COMMON_SHARE = 0.2;
    /** Tie-breaker of the per-field disjunction: other fields' matches add this share of their score. */
    public static final float FIELD_TIE_BREAKER = 0.1f;

    /** How many of {@code units} required words must match: all of one or two, one or a quarter fewer of more. */
    public static int mustMatch(int units) {
        return units <= 2 ? units : units - Math.max(1, units / 4);
    }

    /** How many must match in the retry when no page has enough: half, rounded up. */
    public static int mustMatchPartial(int units) {
        return (units + 1) / 2;
    }

    /** Edits forgiven in a term of {@code length} letters that the index lacks. */
    public static int editsFor(int length) {
        return length >= TWO_EDITS_FROM ? 2 : length >= ONE_EDIT_FROM ? 1 : 0;
    }

    /** A page's score is multiplied by its type's weight; types not listed weigh 1. */
    private static final Map<String, Double> TYPE_WEIGHTS = Map.of(
            "service", 1.3, "program", 1.3, "term", 1.2, "municipality", 1.2,
            "measure", 1.1, "plan", 1.1, "chapter", 1.0, "measures", 1.0, "directory", 1.0, "page", 0.9);

    private Ranking() {
    }

    private static Map<String, Float> fieldWeights() {
        Map<String, Float> weights = new java.util.LinkedHashMap<>();
        weights.put(IndexFields.TITLE, 4f);
        weights.put(IndexFields.HEADINGS, 2f);
        weights.put(IndexFields.MUNICIPALITY_NAME, 1.5f);
        weights.put(IndexFields.BODY, 1f);
        return java.util.Collections.unmodifiableMap(weights);
    }

    public static double typeWeight(String type) {
        return TYPE_WEIGHTS.getOrDefault(type, 1.0);
    }

    /** Every setting above, by name: what the static index tells the browser's searcher. */
    public static Map<String, Object> settings() {
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        settings.put("minPrefix", MIN_PREFIX);
        settings.put("prefixWeight", PREFIX_WEIGHT);
        settings.put("oneEditFrom", ONE_EDIT_FROM);
        settings.put("twoEditsFrom", TWO_EDITS_FROM);
        settings.put("maxFuzzyExpansions", MAX_FUZZY_EXPANSIONS);
        settings.put("commonShare", COMMON_SHARE);
        settings.put("exactTitleBoost", EXACT_TITLE_BOOST);
        settings.put("phraseBoost", PHRASE_BOOST);
        return settings;
    }
}
