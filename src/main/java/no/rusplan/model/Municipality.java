package no.rusplan.model;

import java.util.List;

/** A municipality named in at least one plan. Its id is the file name, e.g. {@code overhalla}. */
public record Municipality(String id, String name, String county, String region,
                           List<String> sources, Location location) implements Item {
}
