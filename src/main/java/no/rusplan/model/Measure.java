package no.rusplan.model;

import java.util.List;

/**
 * A measure (tiltak) of a plan, with the columns plans give in their action tables.
 *
 * @param number          the plan's own numbering, empty where it has none
 * @param order           position in the plan's tables
 * @param goal            the goal it serves (delmål / hovedmål / satsingsområde)
 * @param section         the table or chapter it stands in, e.g. "Primærforebygging"
 * @param preventionLevel null where the plan gives none
 * @param responsible     responsible units, as the plan lists them
 * @param result          status or result text (Resultat / evaluering)
 * @param programs        ids of programs the measure uses
 * @param services        ids of services the measure concerns
 */
public record Measure(String id, String planId, String number, int order, String title, String goal,
                      String section, PreventionLevel preventionLevel, String period, String cost,
                      List<String> responsible, String targetGroup, String result,
                      List<String> programs, List<String> services, Location location) implements Item {
}
