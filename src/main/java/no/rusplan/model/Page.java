package no.rusplan.model;

import java.util.Map;

/**
 * A prose page; a directory page also lists one collection ({@code listing} is null
 * otherwise), optionally with a fixed filter selection (e.g. help for relatives only).
 */
public record Page(String id, String title, Listing listing, Map<String, String> filter, Location location)
        implements Item {
}
