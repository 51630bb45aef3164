package no.rusplan.model;

import java.util.List;

/**
 * A substance-abuse action plan. A regional plan lists several municipalities.
 *
 * @param sourceDocument the document the plan text was taken from (its title as published)
 * @param planDate       when the plan's facts were current; the {@code verified} date of
 *                       entries taken from it
 */
public record Plan(String id, String title, String shortTitle, List<String> municipalities, String period,
                   PlanStatus status, String statusNote, String adoptedBy, String adoptedDate, String vision,
                   List<String> mainGoals, String sourceDocument, PartialDate planDate, Location location) implements Item {
}
