package no.rusplan.search;

/** One facet value with its display label and the number of hits it would give. */
public record FacetValue(String value, String label, int count) {
}
