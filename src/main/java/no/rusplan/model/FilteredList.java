package no.rusplan.model;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A directory with a filter selection applied: every item (so a browser script can widen the
 * selection again), which of them the selection shows, and the dimensions with drill-sideways
 * counts.
 */
public record FilteredList<T>(List<T> items, List<FilterDimension> dimensions, Map<String, String> selection,
                              Predicate<T> shown) {

    public boolean shows(T item) {
        return shown.test(item);
    }

    public long shownCount() {
        return items.stream().filter(shown).count();
    }
}
