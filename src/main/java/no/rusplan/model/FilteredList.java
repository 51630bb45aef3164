package no.rusplan.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A directory with a filter selection applied: the items the page holds (all of them on an
 * unfiltered directory, so a browser script can widen the selection again; on a page with a
 * fixed filter, such as help for relatives, only those the fixed filter keeps), which of them
 * the selection shows, the dimensions a visitor can choose from with drill-sideways counts, and
 * the dimensions the page fixes (one option each).
 *
 * <p>Two lists are equal when they hold the same items in the same order and show the same of
 * them with the same options and counts: what a page renders from. So a change to an item a page
 * does not hold leaves its list equal ({@code render.ModelReads} then leaves the page alone).
 */
public final class FilteredList<T> {
    private final List<T> items;
    private final List<FilterDimension> dimensions;
    private final List<FilterDimension> fixed;
    private final Map<String, String> selection;
    private final List<Boolean> shown;
    private final Map<T, Boolean> shownByItem = new IdentityHashMap<>();
    private final Facets<T> facets;

    FilteredList(Facets<T> facets, List<T> items, List<FilterDimension> dimensions, List<FilterDimension> fixed,
                 Map<String, String> selection, Predicate<T> shows) {
        this.facets = facets;
        this.items = List.copyOf(items);
        this.dimensions = List.copyOf(dimensions);
        this.fixed = List.copyOf(fixed);
        this.selection = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(selection));
        List<Boolean> flags = new ArrayList<>(this.items.size());
        for (T item : this.items) {
            boolean show = shows.test(item);
            flags.add(show);
            shownByItem.put(item, show);
        }
        this.shown = List.copyOf(flags);
    }

    /** The items the page holds, in the directory's order. */
    public List<T> items() {
        return items;
    }

    /** The dimensions a visitor can choose from, with counts among the items held. */
    public List<FilterDimension> dimensions() {
        return dimensions;
    }

    /** The dimensions the page's fixed filter sets, each with its one option. */
    public List<FilterDimension> fixed() {
        return fixed;
    }

    /** The visitor's selection in force (fixed dimensions and empty values left out). */
    public Map<String, String> selection() {
        return selection;
    }

    public boolean shows(T item) {
        return Boolean.TRUE.equals(shownByItem.get(item));
    }

    public long shownCount() {
        return shown.stream().filter(Boolean::booleanValue).count();
    }

    /** Every dimension's parameter, fixed ones included, in order: an entry's data attributes. */
    public List<String> parameters() {
        return facets.dimensions().stream().map(Facets.Dimension::parameter).toList();
    }

    /** An item's values in one dimension, joined with {@code |} (depends on the item only). */
    public String values(String parameter, T item) {
        return facets.values(parameter, item);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FilteredList<?> list && items.equals(list.items) && shown.equals(list.shown)
                && dimensions.equals(list.dimensions) && fixed.equals(list.fixed)
                && List.copyOf(selection.entrySet()).equals(List.copyOf(list.selection.entrySet()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, shown, dimensions, fixed, selection);
    }

    @Override
    public String toString() {
        return "FilteredList[" + shownCount() + " of " + items.size() + " shown, selection " + selection
                + ", fixed " + fixed.stream().map(FilterDimension::parameter).toList() + "]";
    }
}
