package no.rusplan.model;

/**
 * One value of a filter dimension.
 *
 * @param labelKey UI message key of the label for vocabulary values, else empty
 * @param label    the label itself where it is data (a municipality's name, a topic), else empty
 * @param count    how many items the value would show, given the other dimensions' selection
 */
public record FilterOption(String value, String labelKey, String label, int count, boolean selected) {
}
