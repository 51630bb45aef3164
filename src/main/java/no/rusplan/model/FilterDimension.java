package no.rusplan.model;

import java.util.List;

/** A filter dimension as a form shows it: its URL parameter, its title's message key, its values. */
public record FilterDimension(String parameter, String titleKey, List<FilterOption> options) {
}
