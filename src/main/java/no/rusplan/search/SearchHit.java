package no.rusplan.search;

import java.util.List;

/**
 * One result; {@code snippet} is HTML: escaped text with matches in {@code <mark>}.
 * {@code sections} are the parts of the page (headings with an anchor) that match best, each
 * with its own link ({@code url#anchor}) and snippet, best first.
 */
public record SearchHit(String title, String url, String type, String snippet, List<String> municipalities,
                        List<SubResult> sections) {
    public SearchHit {
        municipalities = List.copyOf(municipalities);
        sections = List.copyOf(sections);
    }

    /** A matching section of a page. */
    public record SubResult(String title, String url, String snippet) {
    }
}
