package no.rusplan.model;

import java.util.Map;
import java.util.Optional;

/**
 * A prose page; a directory page also lists one collection ({@code listing} is null
 * otherwise), optionally with a fixed filter selection (e.g. help for relatives only).
 */
public record Page(String id, String title, Listing listing, Map<String, String> filter, Location location)
        implements Item {

    /**
     * The first dimension this page's filter fixes for which {@code selection} asks another value
     * (e.g. young people on the page for relatives, which holds only relatives' services): only
     * the directory without a fixed filter can answer such a selection.
     */
    public Optional<String> contradictedFilter(Map<String, String> selection) {
        return filter.entrySet().stream().filter(fixed -> {
            String value = selection.get(fixed.getKey());
            return value != null && !value.isEmpty() && !value.equals(fixed.getValue());
        }).map(Map.Entry::getKey).findFirst();
    }
}
