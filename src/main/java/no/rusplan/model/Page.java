package no.rusplan.model;

import java.util.Map;

/**
 * A prose page; a directory page also lists one collection ({@code listing} is null
 * otherwise), optionally with a fixed filter selection (e.g. help for relatives only).
 */
public record Page(String id, String title, Listing listing, Map<String, String> filter, Location location)
        implements Item {

    /**
     * Whether {@code selection} asks for another value of a dimension this page's filter fixes
     * (e.g. young people on the page for relatives, which holds only relatives' services): only
     * the directory without a fixed filter can answer it.
     */
    public boolean contradicts(Map<String, String> selection) {
        return filter.entrySet().stream().anyMatch(fixed -> {
            String value = selection.get(fixed.getKey());
            return value != null && !value.isEmpty() && !value.equals(fixed.getValue());
        });
    }
}
