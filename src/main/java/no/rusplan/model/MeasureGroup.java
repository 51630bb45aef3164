package no.rusplan.model;

import java.util.List;

/** The measures of one table section that serve one goal, in plan order. */
public record MeasureGroup(String section, String goal, List<Measure> measures) {
}
