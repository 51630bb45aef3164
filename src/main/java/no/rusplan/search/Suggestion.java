package no.rusplan.search;

/** An autocomplete entry: a page whose title (a name, a glossary term) matches what was typed. */
public record Suggestion(String title, String url, String type) {
}
