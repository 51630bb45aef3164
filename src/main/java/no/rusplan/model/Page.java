package no.rusplan.model;

/** A prose page; a directory page also lists one collection ({@code listing} is null otherwise). */
public record Page(String id, String title, Listing listing, Location location) implements Item {
}
