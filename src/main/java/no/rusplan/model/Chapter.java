package no.rusplan.model;

import java.util.List;

/**
 * A chapter of a plan; {@code order} is its position in the source document.
 *
 * @param measureSections the measure tables (by {@link Measure#section()}) that stand in this
 *                        chapter of the source, in order; empty for prose chapters
 */
public record Chapter(String id, String planId, String title, int order, List<String> measureSections,
                      Location location) implements Item {
}
