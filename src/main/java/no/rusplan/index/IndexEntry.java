package no.rusplan.index;

import java.util.List;

/**
 * One page as the index sees it: display and search text from the baked HTML, facets from
 * the model, and its sections (headings with an anchor) as sub-results.
 */
public record IndexEntry(String id, String url, String type, String title, String headings, String body,
                         List<Section> sections, List<String> municipalityIds, List<String> municipalityNames,
                         List<String> audiences, String planId) {

    /** A part of a page under a heading with an id: {@code url#anchor}. */
    public record Section(String anchor, String heading, String text) {
    }
}
