package no.rusplan.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The filter rules of a directory: which dimensions an item can be filtered on and which
 * values each item has. One place for the rule, used by baked pages, the server's filter form
 * and (through the data attributes templates write from {@link #values}) the browser script.
 * An item matches a selection when, for every selected dimension, it has the selected value.
 */
public final class Facets<T> {

    /** One dimension: URL parameter, title message key, an item's values, and all options in order. */
    public record Dimension<T>(String parameter, String titleKey, Function<T, Collection<String>> values,
                               List<Option> options) {
    }

    /** An option before counting: its value and label (a message key or a literal label). */
    public record Option(String value, String labelKey, String label) {

        public static Option coded(Coded code) {
            return new Option(code.code(), code.labelKey(), "");
        }

        public static Option literal(String value, String label) {
            return new Option(value, "", label);
        }
    }

    private final List<T> items;
    private final List<Dimension<T>> dimensions;
    private final Map<String, Dimension<T>> byParameter = new LinkedHashMap<>();
    /** Per dimension (by parameter), each item's values, read once: templates ask for them on every directory page. */
    private final Map<String, Map<T, List<String>>> values = new LinkedHashMap<>();

    public Facets(List<T> items, List<Dimension<T>> dimensions) {
        this.items = List.copyOf(items);
        this.dimensions = List.copyOf(dimensions);
        for (Dimension<T> dimension : this.dimensions) {
            byParameter.putIfAbsent(dimension.parameter(), dimension);
            // by identity: items are records, whose equals and hashCode compare every field
            Map<T, List<String>> itemValues = new IdentityHashMap<>();
            for (T item : this.items) {
                itemValues.put(item, List.copyOf(new LinkedHashSet<>(dimension.values().apply(item))));
            }
            values.putIfAbsent(dimension.parameter(), itemValues);
        }
    }

    public List<Dimension<T>> dimensions() {
        return dimensions;
    }

    /**
     * The same items (in order) and dimensions: each item's values and every count follow from
     * those. Two models of the same content answer with equal directories, so {@code serve
     * --watch} can tell that a directory page is unchanged ({@code render.ModelReads}).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Facets<?> facets && items.equals(facets.items) && dimensions.equals(facets.dimensions);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(items, dimensions);
    }

    /** An item's values in one dimension, joined with {@code |} for a data attribute. */
    public String values(String parameter, T item) {
        return dimension(parameter).map(d -> String.join("|", valuesOf(d, item))).orElse("");
    }

    /** The item's distinct values in the dimension, in their order (read again for an item not listed here). */
    private List<String> valuesOf(Dimension<T> dimension, T item) {
        List<String> known = values.get(dimension.parameter()).get(item);
        return known != null ? known : List.copyOf(new LinkedHashSet<>(dimension.values().apply(item)));
    }

    /** Why a selection cannot be applied: the parameter and what is wrong with it. */
    public record Invalid(String parameter, String reason) {
        @Override
        public String toString() {
            return parameter + ": " + reason;
        }
    }

    /** The first unknown parameter or value in a selection, if any. */
    public Optional<Invalid> invalid(Map<String, String> selection) {
        for (Map.Entry<String, String> selected : selection.entrySet()) {
            Optional<Dimension<T>> dimension = dimension(selected.getKey());
            if (dimension.isEmpty()) {
                return Optional.of(new Invalid(selected.getKey(), "is not a filter here"));
            }
            if (dimension.get().options().stream().noneMatch(o -> o.value().equals(selected.getValue()))) {
                return Optional.of(new Invalid(selected.getKey(), "'" + selected.getValue() + "' is not one of its values"));
            }
        }
        return Optional.empty();
    }

    /** Applies a (valid) selection to every item; empty values mean "any". */
    public FilteredList<T> apply(Map<String, String> selection) {
        return apply(Map.of(), selection);
    }

    /**
     * The list of a directory page whose filter fixes {@code fixed} (e.g. help for relatives):
     * it holds only the items that filter keeps, and applies {@code selection} (valid; empty
     * values mean "any") to those in the other dimensions, whose counts are of the items held.
     * A selected value of a fixed dimension is ignored here (see {@link Page#contradictedFilter}).
     */
    public FilteredList<T> apply(Map<String, String> fixed, Map<String, String> selection) {
        Map<String, String> pinned = active(fixed);
        List<T> held = pinned.isEmpty() ? items : items.stream().filter(matcher(pinned)).toList();
        Map<String, String> active = active(selection);
        active.keySet().removeAll(pinned.keySet());
        List<FilterDimension> shown = new ArrayList<>();
        List<FilterDimension> pinnedDimensions = new ArrayList<>();
        for (Dimension<T> dimension : dimensions) {
            String pinnedValue = pinned.get(dimension.parameter());
            if (pinnedValue != null) {
                dimension.options().stream().filter(o -> o.value().equals(pinnedValue)).findFirst()
                        .ifPresent(o -> pinnedDimensions.add(new FilterDimension(dimension.parameter(), dimension.titleKey(),
                                List.of(new FilterOption(o.value(), o.labelKey(), o.label(), held.size(), true)))));
                continue;
            }
            Map<String, String> others = new LinkedHashMap<>(active);
            others.remove(dimension.parameter());
            Predicate<T> inBase = matcher(others);
            // drill-sideways counts in one pass over the items the other dimensions leave
            Map<String, Integer> counts = new HashMap<>();
            for (T item : held) {
                if (inBase.test(item)) {
                    for (String value : valuesOf(dimension, item)) {
                        counts.merge(value, 1, Integer::sum);
                    }
                }
            }
            List<FilterOption> options = new ArrayList<>();
            for (Option option : dimension.options()) {
                options.add(new FilterOption(option.value(), option.labelKey(), option.label(),
                        counts.getOrDefault(option.value(), 0), option.value().equals(active.get(dimension.parameter()))));
            }
            shown.add(new FilterDimension(dimension.parameter(), dimension.titleKey(), options));
        }
        return new FilteredList<>(this, held, shown, pinnedDimensions, active, matcher(active));
    }

    /** The selection without empty values, in its order. */
    private static Map<String, String> active(Map<String, String> selection) {
        Map<String, String> active = new LinkedHashMap<>();
        selection.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                active.put(k, v);
            }
        });
        return active;
    }

    private Predicate<T> matcher(Map<String, String> selection) {
        List<Map.Entry<Dimension<T>, String>> required = new ArrayList<>();
        selection.forEach((parameter, value) -> dimension(parameter).ifPresent(d -> required.add(Map.entry(d, value))));
        return item -> required.stream().allMatch(r -> valuesOf(r.getKey(), item).contains(r.getValue()));
    }

    private Optional<Dimension<T>> dimension(String parameter) {
        return Optional.ofNullable(byParameter.get(parameter));
    }
}
