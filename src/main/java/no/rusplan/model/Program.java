package no.rusplan.model;

import java.util.List;

/** A prevention program, campaign, method or survey named by a plan. */
public record Program(String id, String name, ProgramType type, String summary, List<AgeBand> ageBands,
                      List<Arena> arenas, List<String> topics, List<String> sources, Location location) implements Item {
}
