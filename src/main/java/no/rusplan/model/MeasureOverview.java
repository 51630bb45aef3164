package no.rusplan.model;

/** The page that shows all measures of one plan in several views (by goal, responsible, period, status). */
public record MeasureOverview(String id, String planId, String title, Location location) implements Item {
}
