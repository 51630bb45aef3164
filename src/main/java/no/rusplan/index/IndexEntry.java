package no.rusplan.index;

import java.util.List;

/**
 * One page as the index sees it: display and search text from the baked HTML, facets from
 * the model.
 */
public record IndexEntry(String id, String url, String type, String title, String headings, String body, String synonyms,
                         List<String> municipalityIds, List<String> municipalityNames, List<String> audiences,
                         String planId) {
}
