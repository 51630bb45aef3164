package no.rusplan.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a search, in the JSON contract of {@code /api/search}:
 * {@code {"query","total","hits":[{"title","url","type","snippet","municipalities","sections"}],"facets":{…}}},
 * extended with {@code limit}, {@code offset}, {@code suggestion} ("Mente du …?": the query
 * with words the site does not contain replaced by its closest words, or empty) and
 * {@code partial} (true when no page has all the words, and the hits have only some of them).
 * Facet counts are drill-sideways: the counts of a dimension ignore that dimension's own
 * filter, so other choices stay visible. Immutable: one answer may be given to many readers.
 */
public record SearchResult(String query, long total, int limit, int offset, List<SearchHit> hits,
                           Map<String, List<FacetValue>> facets, String suggestion, boolean partial) {
    public SearchResult {
        hits = List.copyOf(hits);
        Map<String, List<FacetValue>> kept = new java.util.LinkedHashMap<>();
        facets.forEach((dimension, values) -> kept.put(dimension, List.copyOf(values)));
        facets = java.util.Collections.unmodifiableMap(kept);
    }
}
